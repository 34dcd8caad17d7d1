extension MessageBook {
    /// Findings as the chat shows them: severity and reason, the quoted words, the better line.
    func report(_ findings: [Finding]) -> Reply {
        var reply = Reply()
        for finding in findings {
            let style: Reply.Style = finding.severity == .pitch ? .pitch : finding.severity == .caution ? .caution : .tip
            reply.add(text("finding", ["severity": finding.severity.rawValue, "why": finding.why, "rule": finding.rule]), style: style)
            reply.add(text("finding-quote", ["quote": finding.quote]), style: .dim)
            if let instead = finding.instead { reply.add(text("finding-instead", ["instead": instead])) }
        }
        return reply
    }
}
