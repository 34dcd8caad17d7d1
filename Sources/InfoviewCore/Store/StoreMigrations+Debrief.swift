import GRDB

extension StoreMigrations {
    /// `v4-debrief`: the follow-ups a debrief leaves (thank-you, assignments, reporting back).
    static func registerDebrief(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v4-debrief") { db in
            try db.create(table: "followUp") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("interviewId", .integer).notNull().indexed().references("interview", onDelete: .cascade)
                t.column("kind", .text).notNull().check(sql: "kind IN ('thank-you', 'assignment', 'report-back', 'second-contact', 'nudge')")
                t.column("text", .text).notNull()
                t.column("dueAt", .datetime).notNull()
                t.column("doneAt", .datetime)
                t.column("createdAt", .datetime).notNull()
            }
        }
    }
}
