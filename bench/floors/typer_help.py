"""Floor: the smallest Typer app, asked for --help (what any Typer CLI pays to start)."""

import typer

app = typer.Typer()


@app.command()
def hello(name: str = typer.Option("verden", help="Who to greet.")) -> None:
    """Say hello."""
    print(f"Hej {name}")


if __name__ == "__main__":
    app()
