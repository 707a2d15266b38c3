from cityties.cli import main

main()
