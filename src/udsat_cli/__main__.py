from udsat_cli.cli import main

main()
