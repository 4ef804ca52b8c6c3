from auditapp.cli import main

raise SystemExit(main())
