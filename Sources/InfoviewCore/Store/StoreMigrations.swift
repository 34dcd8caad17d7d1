import GRDB

/// The schema, as named migrations that are only ever appended: a shipped migration never changes.
enum StoreMigrations {
    /// Every migration this version knows, in order.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-interviews") { db in
            try db.create(table: "interview") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("name", .text).notNull().unique().collate(.nocase)
                t.column("role", .text)
                t.column("organisation", .text)
                t.column("connection", .text)
                t.column("isImmediateBoss", .boolean)
                t.column("stage", .text).notNull().defaults(to: Stage.prepare.rawValue)
                    .check(sql: "stage IN ('prepare', 'conduct', 'debrief', 'done')")
                t.column("referredBy", .integer).references("interview", onDelete: .setNull)
                t.column("createdAt", .datetime).notNull()
                t.column("updatedAt", .datetime).notNull()
            }
            try db.create(table: "answer") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("interviewId", .integer).notNull().indexed().references("interview", onDelete: .cascade)
                t.column("flow", .text).notNull()
                t.column("step", .text).notNull()
                t.column("key", .text).notNull()
                t.column("value", .text).notNull()
                t.column("answeredAt", .datetime).notNull()
                t.uniqueKey(["interviewId", "key"])
            }
            try db.create(table: "flowProgress") { t in
                t.primaryKey("interviewId", .integer).references("interview", onDelete: .cascade)
                t.column("flow", .text).notNull()
                t.column("step", .text).notNull()
                t.column("trail", .text).notNull().defaults(to: "[]")
                t.column("updatedAt", .datetime).notNull()
            }
            try db.create(table: "mutedRule") { t in
                t.primaryKey("ruleId", .text)
                t.column("mutedAt", .datetime).notNull()
            }
        }
        registerRehearsals(&migrator)
        return migrator
    }
}
