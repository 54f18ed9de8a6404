#!/usr/bin/env python
from ftahub.cli import main

if __name__ == "__main__":
    main()
