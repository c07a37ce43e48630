// The leak detector's public surface in the ReleasePolicy.Rules assembly (see PublicSurface.cs): the release-notes
// check in the engine runs the same detector the analyzers compile in. The scanners behind it stay internal.
namespace ReleasePolicy.Rules.Leaks;

public static partial class InternalIdentifierDetector;

public sealed partial class LeakKind;

public sealed partial class LeakFinding;

public sealed partial class LeakSettings;
