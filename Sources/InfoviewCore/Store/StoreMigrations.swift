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
        migrator.registerMigration("v2-questions") { db in
            try db.create(table: "question") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("interviewId", .integer).notNull().indexed().references("interview", onDelete: .cascade)
                t.column("position", .integer).notNull()
                t.column("text", .text).notNull()
                t.column("category", .text).notNull()
                    .check(sql: "category IN ('trends', 'insights', 'advice', 'resources', 'assignments')")
                t.column("origin", .text).notNull()
                t.uniqueKey(["interviewId", "position"])
            }
        }
        migrator.registerMigration("v3-step-detail") { db in
            try db.alter(table: "flowProgress") { t in
                t.add(column: "detail", .text)
            }
        }
        registerRehearsals(&migrator)
        registerDebrief(in: &migrator)
        return migrator
    }
}
