// Compiled into the ReleasePolicy.Rules assembly only (see ReleasePolicy.Rules.projitems).
//
// The shared source declares its types without an access modifier, so they are internal where they are compiled in:
// the analyzer assembly exposes none of them, and a project that sees both the analyzers' internals and this assembly
// never meets two public copies of a type. Here, for the engine, the same types become public: C# takes a partial
// type's accessibility from whichever part states it. This keeps the shared files free of #if, and a new shared type
// is public in the assembly only once it is listed here, which is a deliberate step.
namespace ReleasePolicy.Rules;

public static partial class RuleIds;

public static partial class RuleCategories;

public sealed partial class RuleKind;

public sealed partial class RuleSeverity;

public sealed partial class PolicyRule;

public static partial class RuleCatalogue;

public static partial class RuleHelpLink;

public static partial class SettingList;

public static partial class InventoryFormat;

public static partial class FlagSourceReader;

public sealed partial class FlagSourceReading;

public sealed partial class FlagDeclaration;

public static partial class FlagExpiry;

public static partial class FlagNameSuggestion;

public static partial class ConfigurationJson;

public sealed partial class ConfigurationJsonValue;

public sealed partial class ConfigurationJsonMember;

public sealed partial class ConfigurationJsonKind;

public sealed partial class ConfigurationJsonError;
