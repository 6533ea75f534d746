"""Full-screen programs (Textual): only ``udsat live`` imports this."""
