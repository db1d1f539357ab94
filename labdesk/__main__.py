from labdesk.cli import main

raise SystemExit(main())
