import ArgumentParser

/// `--seed`, shared by the chat and `infoview rehearse` as one option group: a subcommand's own
/// option of the same name would be taken by the chat's before the subcommand saw it.
struct ReplayOptions: ParsableArguments {
    @Option(help: "Seed for the random choices, to replay a session exactly.")
    var seed: UInt64?
}
