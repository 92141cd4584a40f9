// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    // Linux only: the terminal layer, process spawning and atomic saves call Glibc directly.
    name: "migedit",
    products: [
        .executable(name: "migedit", targets: ["migedit"]),
        .library(name: "MigrationCore", targets: ["MigrationCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .target(name: "MigrationCore"),
        .target(name: "MigrationEditor", dependencies: ["MigrationCore"]),
        .target(name: "MapRendering", dependencies: ["MigrationCore"]),
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncursesw5-dev"])]),
        .target(name: "Terminal", dependencies: ["CNcursesw", "MigrationEditor"]),
        .executableTarget(
            name: "migedit",
            dependencies: [
                "MigrationCore", "MigrationEditor", "MapRendering", "Terminal", "MigeditIO", "QEMURunner", "QMPClient",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // Writes the man pages from `migedit --experimental-dump-help` (scripts/install runs it).
        .executableTarget(name: "migedit-manual", dependencies: ["MigrationCore", "MigeditIO"]),
        .executableTarget(name: "migedit-bench", dependencies: ["MigrationCore", "MigrationEditor", "CleanSpawn", "SeededRandom", "QEMURunner", "QMPClient"]),
        .target(name: "SeededRandom"),
        .target(name: "CleanSpawn"),
        .target(name: "QEMURunner", dependencies: ["MigrationCore", "CleanSpawn"]),
        .target(name: "QMPClient", dependencies: ["MigrationCore", "QEMURunner", "CleanSpawn"]),
        .target(name: "MigeditIO"),
        .target(name: "TestSupport", dependencies: ["CleanSpawn", "SeededRandom", "MigrationCore"], path: "Tests/TestSupport"),
        .testTarget(name: "QEMURunnerTests", dependencies: ["QEMURunner", "MigrationCore", "TestSupport"]),
        .testTarget(name: "QMPClientTests", dependencies: ["QMPClient", "QEMURunner", "MigrationCore", "TestSupport"]),
        .testTarget(name: "MigrationCoreTests", dependencies: ["MigrationCore", "TestSupport"]),
        .testTarget(name: "MigrationEditorTests", dependencies: ["MigrationEditor"]),
        .testTarget(name: "MapRenderingTests", dependencies: ["MapRendering", "MigrationCore", "TestSupport"]),
        .testTarget(name: "MigeditTests", dependencies: ["MigrationCore", "MigrationEditor", "MigeditIO", "TestSupport", "QMPClient", "migedit"]),
    ],
    swiftLanguageModes: [.v6]
)
