from fraudlink.cli.main import main

main()
