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
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncursesw5-dev"])]),
        .target(name: "Terminal", dependencies: ["CNcursesw", "MigrationEditor"]),
        .executableTarget(
            name: "migedit",
            dependencies: [
                "MigrationCore", "MigrationEditor", "Terminal", "MigeditIO", "QEMURunner",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // Writes the man pages from `migedit --experimental-dump-help` (scripts/install runs it).
        .executableTarget(name: "migedit-manual", dependencies: ["MigrationCore", "MigeditIO"]),
        .executableTarget(name: "migedit-bench", dependencies: ["MigrationCore", "MigrationEditor", "CleanSpawn", "SeededRandom", "QEMURunner"]),
        .target(name: "SeededRandom"),
        .target(name: "CleanSpawn"),
        .target(name: "QEMURunner", dependencies: ["MigrationCore", "CleanSpawn"]),
        .target(name: "MigeditIO"),
        .target(name: "TestSupport", dependencies: ["CleanSpawn", "SeededRandom"], path: "Tests/TestSupport"),
        .testTarget(name: "QEMURunnerTests", dependencies: ["QEMURunner", "MigrationCore", "TestSupport"]),
        .testTarget(name: "MigrationCoreTests", dependencies: ["MigrationCore", "TestSupport"]),
        .testTarget(name: "MigrationEditorTests", dependencies: ["MigrationEditor"]),
        .testTarget(name: "MigeditTests", dependencies: ["MigrationCore", "MigrationEditor", "MigeditIO", "TestSupport", "migedit"]),
    ],
    swiftLanguageModes: [.v6]
)
