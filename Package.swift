// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "infoview",
    products: [
        .executable(name: "infoview", targets: ["InfoviewCLI"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CReadline",
            path: "Sources/CReadline",
            pkgConfig: "readline",
            providers: [.apt(["libreadline-dev"])]
        ),
        .executableTarget(
            name: "EmbedPromptsTool",
            path: "Sources/EmbedPromptsTool"
        ),
        .plugin(
            name: "EmbedPromptsPlugin",
            capability: .buildTool(),
            dependencies: ["EmbedPromptsTool"],
            path: "Sources/EmbedPromptsPlugin"
        ),
        .target(
            name: "InfoviewCore",
            dependencies: [.product(name: "GRDB", package: "GRDB.swift")],
            path: "Sources/InfoviewCore",
            plugins: ["EmbedPromptsPlugin"]
        ),
        .executableTarget(
            name: "InfoviewCLI",
            dependencies: [
                "InfoviewCore",
                "CReadline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/InfoviewCLI"
        ),
        .executableTarget(
            name: "InfoviewBench",
            dependencies: ["InfoviewCore"],
            path: "Sources/InfoviewBench"
        ),
        .testTarget(
            name: "InfoviewCoreTests",
            dependencies: ["InfoviewCore"],
            path: "Tests/InfoviewCoreTests",
            exclude: ["Transcripts", "Corpus"]
        ),
        .testTarget(
            name: "InfoviewCLITests",
            dependencies: ["InfoviewCLI"],
            path: "Tests/InfoviewCLITests",
            exclude: ["pty"]
        ),
    ]
)
