from papi_extract.cli import main

main()
