from ftahub.cli import main

main()
