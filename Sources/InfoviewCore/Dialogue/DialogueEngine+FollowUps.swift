import Foundation

/// Follow-ups in the chat: what is due when the app opens, and `/done N`.
extension DialogueEngine {
    /// The follow-ups due today or overdue, numbered as `/done` counts them; nothing when none
    /// is due or no clock was given.
    func dueFollowUps(_ overview: Overview) -> Reply {
        var reply = Reply()
        guard let now = overview.now else { return reply }
        let calendar = overview.calendar
        let endOfToday = calendar.endOfDay(now)
        let due = overview.followUps.enumerated().filter { $0.element.due <= endOfToday }
        guard !due.isEmpty else { return reply }
        reply.add(messages.text("follow-ups-due"), style: .heading)
        for (index, followUp) in due {
            reply.add(line(index + 1, followUp, now: now, calendar: calendar))
        }
        reply.add(messages.text("follow-ups-done-hint"), style: .dim)
        return reply
    }

    /// `/done N` marks follow-up N done; `/done` alone lists every open one with its number.
    func markDone(_ argument: String, _ state: Conversation, _ overview: Overview) -> Turn {
        let open = overview.followUps
        guard !open.isEmpty else { return Turn(reply: dim(messages.text("follow-ups-none")), state: state) }
        guard !argument.isEmpty else {
            var reply = Reply()
            reply.add(messages.text("follow-ups-heading"), style: .heading)
            let calendar = overview.calendar
            for (index, followUp) in open.enumerated() {
                reply.add(line(index + 1, followUp, now: overview.now, calendar: calendar))
            }
            reply.add(messages.text("follow-ups-done-hint"), style: .dim)
            return Turn(reply: reply, state: state)
        }
        guard let number = Int(argument), number >= 1, number <= open.count else {
            return Turn(reply: dim(messages.text("follow-ups-which", ["count": String(open.count)])), state: state)
        }
        let followUp = open[number - 1]
        var reportBack: String?
        var reply = Reply()
        reply.add(messages.text("follow-up-marked", ["text": followUp.text]))
        if followUp.kind == .assignment {
            reportBack = messages.text("follow-up-report-back", ["name": followUp.interview, "text": followUp.text])
            reply.add(messages.text("follow-up-report-back-added", ["name": followUp.interview]), style: .tip)
        }
        return Turn(reply: reply, state: state, effects: [.completeFollowUp(id: followUp.id, reportBack: reportBack)])
    }

    /// "2. Thank Sam for the conversation (due today)".
    private func line(_ number: Int, _ followUp: FollowUp, now: Date?, calendar: BusinessCalendar) -> String {
        var when = ""
        if let now {
            let cal = calendar.calendar
            let days = cal.dateComponents([.day], from: cal.startOfDay(for: now), to: cal.startOfDay(for: followUp.due)).day ?? 0
            when =
                days < 0 ? messages.text("follow-up-overdue", ["days": String(-days)])
                : days == 0 ? messages.text("follow-up-today") : messages.text("follow-up-in", ["days": String(days)])
        }
        return messages.text("follow-up-line", ["number": String(number), "text": followUp.text, "name": followUp.interview, "when": when])
    }
}
