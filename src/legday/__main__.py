from legday.cli import run

run()
