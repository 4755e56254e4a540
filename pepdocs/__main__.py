from pepdocs.cli import main

main()
