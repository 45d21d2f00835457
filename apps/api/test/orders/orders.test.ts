import { describeOrderRoutes } from './orders-routes-suite'

// The app on a real SQLite file (helper.ts build()); orders-postgres.test.ts runs the same on PostgreSQL.
describeOrderRoutes('/api/orders on SQLite')
