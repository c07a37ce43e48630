using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ReleasePolicy.Analyzers.Flags;

/// <summary>
/// Whether a check of a flag dominates an operation: walking up from the operation to its member once, it looks
/// for <c>if (check)</c>, a negated check that returns or throws before it, <c>check &amp;&amp; …</c>,
/// <c>check ? … : …</c>, <c>while (check)</c>, a <c>switch</c> on a check, a local bool assigned from a check and
/// tested, a local function called only where it is guarded, and a minimal-API handler (a lambda or a method group)
/// whose endpoint or group has <c>.WithFeatureGate(flag)</c> or an endpoint filter that calls <c>next</c> only under a
/// check of the flag. Code that never runs (a <c>nameof</c>, an attribute argument) needs no guard. A check of another
/// flag, or one after the operation, does not guard it.
/// The cost is linear in the size of the member: a use costs its depth; what needs more of the member than the path
/// up from the use is read once per member and flag (<see cref="BlockExits"/> for the early exits of a long block,
/// <see cref="MemberIndex"/> for the uses of locals and local functions, a memo for local functions and endpoint filters),
/// so a member with thousands of guarded uses is not read once per use.
/// </summary>
internal sealed class FlagGuard
{
    private const int MaxIndirection = 4;

    /// <summary>Blocks up to this many statements are scanned per use; longer ones are indexed once.</summary>
    private const int ScannedBlockLength = 16;

    private readonly FlagApi api;
    private readonly ConditionalWeakTable<IBlockOperation, BlockExits> blockExits = new();
    private readonly ConditionalWeakTable<IOperation, MemberIndex> memberIndexes = new();
    private readonly ConditionalWeakTable<IOperation, Memo<bool>> memo = new();

    public FlagGuard(FlagApi api) => this.api = api;

    public bool IsGuarded(IOperation operation, string flag) => IsGuarded(operation, flag, 0);

    private bool IsGuarded(IOperation operation, string flag, int depth)
    {
        var current = operation;
        for (var parent = operation.Parent; parent is not null; current = parent, parent = parent.Parent)
        {
            switch (parent)
            {
                case IConditionalOperation conditional when conditional.Condition != current:
                    if (current == conditional.WhenTrue && Implies(conditional.Condition, flag, true, depth)
                        || current == conditional.WhenFalse && Implies(conditional.Condition, flag, false, depth))
                    {
                        return true;
                    }

                    break;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } both when current == both.RightOperand:
                    if (Implies(both.LeftOperand, flag, true, depth))
                    {
                        return true;
                    }

                    break;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } either when current == either.RightOperand:
                    if (Implies(either.LeftOperand, flag, false, depth))
                    {
                        return true;
                    }

                    break;
                case IWhileLoopOperation { ConditionIsTop: true } loop when current == loop.Body && loop.Condition is not null:
                    if (Implies(loop.Condition, flag, !loop.ConditionIsUntil, depth))
                    {
                        return true;
                    }

                    break;
                case IBlockOperation block:
                    if (ExitsEarlyUnless(block, current, flag, depth))
                    {
                        return true;
                    }

                    break;
                case ISwitchCaseOperation switchCase when switchCase.Parent is ISwitchOperation switchStatement:
                    if (CaseImplies(switchStatement.Value, switchCase, flag, depth))
                    {
                        return true;
                    }

                    break;
                case ISwitchExpressionArmOperation arm when arm.Parent is ISwitchExpressionOperation switchExpression && current == arm.Value:
                    if (PatternImplies(switchExpression.Value, arm.Pattern, flag, depth))
                    {
                        return true;
                    }

                    break;
                case IAnonymousFunctionOperation lambda:
                    if (IsFeatureGatedEndpointHandler(lambda, flag, depth))
                    {
                        return true;
                    }

                    break;
                case IDelegateCreationOperation handler when current is IMethodReferenceOperation:
                    // app.MapPost("/wallet", WalletEndpoints.Pay).WithFeatureGate("NewCheckout")
                    if (IsFeatureGatedEndpointHandler(handler, flag, depth))
                    {
                        return true;
                    }

                    break;
                case ILocalFunctionOperation localFunction:
                    return depth < MaxIndirection && AllCallsGuarded(localFunction, flag, depth + 1);
                case INameOfOperation or IAttributeOperation:
                    return true; // evaluated by the compiler, never run
            }
        }

        return false;
    }

    /// <summary>True when evaluating <paramref name="condition"/> to <paramref name="value"/> means the flag is on.</summary>
    private bool Implies(IOperation condition, string flag, bool value, int depth)
    {
        condition = Unwrap(condition);
        switch (condition)
        {
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } negation:
                return Implies(negation.Operand, flag, !value, depth);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } both when value:
                return Implies(both.LeftOperand, flag, true, depth) || Implies(both.RightOperand, flag, true, depth);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } either when !value:
                return Implies(either.LeftOperand, flag, false, depth) || Implies(either.RightOperand, flag, false, depth);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison:
                var equals = comparison.OperatorKind == BinaryOperatorKind.Equals;
                if (comparison.RightOperand.ConstantValue is { HasValue: true, Value: bool right })
                {
                    return Implies(comparison.LeftOperand, flag, equals ? value == right : value != right, depth);
                }

                if (comparison.LeftOperand.ConstantValue is { HasValue: true, Value: bool left })
                {
                    return Implies(comparison.RightOperand, flag, equals ? value == left : value != left, depth);
                }

                return false;
            case IIsPatternOperation isPattern:
                return PatternImplies(isPattern.Value, isPattern.Pattern, flag, depth, value);
            case IInvocationOperation invocation:
                return value && api.GetCheck(invocation) is { IsBoolean: true } check && SameFlag(check.Flag, flag);
            case ILocalReferenceOperation local when depth < MaxIndirection:
                return LocalInitializer(local) is { } initializer && Implies(initializer, flag, value, depth + 1);
            default:
                return false;
        }
    }

    /// <summary>For <c>value is true</c> / <c>is false</c> / <c>is not false</c>: does the pattern matching (or not) imply the flag?</summary>
    private bool PatternImplies(IOperation value, IPatternOperation pattern, string flag, int depth, bool matches = true)
    {
        switch (pattern)
        {
            case INegatedPatternOperation negated:
                return PatternImplies(value, negated.Pattern, flag, depth, !matches);
            case IConstantPatternOperation { Value.ConstantValue: { HasValue: true, Value: bool constant } }:
                return Implies(value, flag, matches ? constant : !constant, depth);
            default:
                return false;
        }
    }

    /// <summary><c>switch (await check) { case true: … }</c>.</summary>
    private bool CaseImplies(IOperation value, ISwitchCaseOperation switchCase, string flag, int depth)
    {
        if (switchCase.Clauses.IsEmpty)
        {
            return false;
        }

        foreach (var clause in switchCase.Clauses)
        {
            var implied = clause switch
            {
                ISingleValueCaseClauseOperation { Value.ConstantValue: { HasValue: true, Value: bool constant } } => Implies(value, flag, constant, depth),
                IPatternCaseClauseOperation { Guard: null } patternClause => PatternImplies(value, patternClause.Pattern, flag, depth),
                _ => false,
            };
            if (!implied)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// True when a statement before <paramref name="current"/> in the block leaves it unless the flag is on:
    /// <c>if (!await fm.IsEnabledAsync("X")) return NotFound();</c>, or the else branch of <c>if (check) … else throw …;</c>.
    /// </summary>
    private bool ExitsEarlyUnless(IBlockOperation block, IOperation current, string flag, int depth)
    {
        if (block.Operations.Length > ScannedBlockLength)
        {
            return blockExits.GetValue(block, static b => new BlockExits(b)).GuardsFrom(this, flag, depth) <= current.Syntax.SpanStart;
        }

        foreach (var statement in block.Operations)
        {
            if (statement == current)
            {
                return false;
            }

            if (statement is IConditionalOperation conditional && ExitUnless(conditional) is { } exit && Implies(exit.Condition, flag, exit.FlagOnWhen, depth))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// For a statement that leaves the block on one branch, the condition and the value it has on the way on: false
    /// after <c>if (!check) return;</c>'s <c>!check</c> is false, true after <c>if (check) … else throw …;</c>.
    /// </summary>
    private static (IOperation Condition, bool FlagOnWhen)? ExitUnless(IConditionalOperation conditional)
    {
        if (AlwaysExits(conditional.WhenTrue))
        {
            return (conditional.Condition, false);
        }

        return conditional.WhenFalse is { } whenFalse && AlwaysExits(whenFalse) ? (conditional.Condition, true) : null;
    }

    /// <summary>
    /// The early exits of one long block, read once: per flag, the position from which one of them guarantees the
    /// flag is on (the end of the first exit that implies it), so each use in the block is one comparison.
    /// </summary>
    private sealed class BlockExits
    {
        private readonly List<(IOperation Condition, bool FlagOnWhen, int End)> exits = new();
        private readonly Memo<int> guardsFrom = new();

        public BlockExits(IBlockOperation block)
        {
            foreach (var statement in block.Operations)
            {
                if (statement is IConditionalOperation conditional && ExitUnless(conditional) is { } exit)
                {
                    exits.Add((exit.Condition, exit.FlagOnWhen, statement.Syntax.Span.End));
                }
            }
        }

        public int GuardsFrom(FlagGuard guard, string flag, int depth)
        {
            if (exits.Count == 0)
            {
                return int.MaxValue;
            }

            return guardsFrom.Get(new FlagAtDepth(flag, depth), () =>
            {
                foreach (var exit in exits)
                {
                    if (guard.Implies(exit.Condition, flag, exit.FlagOnWhen, depth))
                    {
                        return exit.End;
                    }
                }

                return int.MaxValue;
            });
        }
    }

    /// <summary>
    /// One walk of a member's operations: the calls made on each local (<c>group.WithFeatureGate(…)</c>) and the calls
    /// of each local function, so neither question walks the member once per use.
    /// </summary>
    private sealed class MemberIndex
    {
        private static readonly IReadOnlyList<IInvocationOperation> None = Array.Empty<IInvocationOperation>();
        private readonly Dictionary<ILocalSymbol, List<IInvocationOperation>> callsOnLocal = new(SymbolEqualityComparer.Default);
        private readonly Dictionary<IMethodSymbol, List<IInvocationOperation>> callsOfLocalFunction = new(SymbolEqualityComparer.Default);

        public MemberIndex(IOperation root)
        {
            foreach (var descendant in root.DescendantsAndSelf())
            {
                if (descendant is not IInvocationOperation invocation)
                {
                    continue;
                }

                if (invocation.TargetMethod.MethodKind == MethodKind.LocalFunction)
                {
                    Add(callsOfLocalFunction, invocation.TargetMethod.OriginalDefinition, invocation);
                }

                if (StripConversions(ReceiverOf(invocation)) is ILocalReferenceOperation receiver)
                {
                    Add(callsOnLocal, receiver.Local, invocation);
                }
            }
        }

        public IReadOnlyList<IInvocationOperation> CallsOn(ILocalSymbol local) => callsOnLocal.TryGetValue(local, out var calls) ? calls : None;

        public IReadOnlyList<IInvocationOperation> CallsOf(IMethodSymbol localFunction) => callsOfLocalFunction.TryGetValue(localFunction, out var calls) ? calls : None;

        private static void Add<TKey>(Dictionary<TKey, List<IInvocationOperation>> map, TKey key, IInvocationOperation invocation)
            where TKey : notnull
        {
            if (!map.TryGetValue(key, out var calls))
            {
                map[key] = calls = new List<IInvocationOperation>();
            }

            calls.Add(invocation);
        }
    }

    private MemberIndex IndexOf(IOperation operation)
    {
        var root = operation;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        return memberIndexes.GetValue(root, static r => new MemberIndex(r));
    }

    /// <summary>What <paramref name="compute"/> says about <paramref name="key"/> and the flag, computed once per member.</summary>
    private bool Remember(IOperation key, string flag, int depth, Func<bool> compute) =>
        memo.GetValue(key, static _ => new Memo<bool>()).Get(new FlagAtDepth(flag, depth), compute);

    /// <summary>
    /// Answers per flag, computed outside the lock (a computation may ask another memo, or this one at a deeper
    /// indirection); two threads computing the same answer at once both get the same value.
    /// </summary>
    private sealed class Memo<T>
    {
        private readonly Dictionary<FlagAtDepth, T> answers = new();

        public T Get(FlagAtDepth key, Func<T> compute)
        {
            lock (answers)
            {
                if (answers.TryGetValue(key, out var known))
                {
                    return known;
                }
            }

            var answer = compute();
            lock (answers)
            {
                answers[key] = answer;
            }

            return answer;
        }
    }

    /// <summary>A flag as a cache key (names compare as checks do, ignoring case), with the indirection depth it was asked at.</summary>
    private readonly struct FlagAtDepth : IEquatable<FlagAtDepth>
    {
        public FlagAtDepth(string flag, int depth)
        {
            Flag = flag;
            Depth = depth;
        }

        public string Flag { get; }

        public int Depth { get; }

        public bool Equals(FlagAtDepth other) => Depth == other.Depth && string.Equals(Flag, other.Flag, StringComparison.OrdinalIgnoreCase);

        public override bool Equals(object? obj) => obj is FlagAtDepth other && Equals(other);

        public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Flag) * 31 + Depth;
    }

    private static bool AlwaysExits(IOperation? statement) => statement switch
    {
        IReturnOperation or IThrowOperation => true,
        IBranchOperation { BranchKind: BranchKind.Break or BranchKind.Continue } => true,
        IExpressionStatementOperation { Operation: IThrowOperation } => true,
        IBlockOperation { Operations.Length: > 0 } block => AlwaysExits(block.Operations[block.Operations.Length - 1]),
        _ => false,
    };

    /// <summary><c>app.MapGet("/beta", () => …).WithFeatureGate("Beta")</c>, or a handler mapped on a group that has the gate.</summary>
    private bool IsFeatureGatedEndpointHandler(IOperation handler, string flag, int depth)
    {
        var current = handler;
        while (current.Parent is IDelegateCreationOperation or IConversionOperation or IArgumentOperation)
        {
            current = current.Parent;
        }

        if (current.Parent is not IInvocationOperation map)
        {
            return false;
        }

        // Up the fluent chain: MapGet(...).WithName(...).WithFeatureGate("Beta").
        var node = map;
        for (IOperation walker = map; walker.Parent is { } parent; )
        {
            if (parent is IConversionOperation or IArgumentOperation)
            {
                walker = parent;
                continue;
            }

            if (parent is not IInvocationOperation next || StripConversions(ReceiverOf(next)) != node)
            {
                break;
            }

            if (GatesFlag(next, flag, depth))
            {
                return true;
            }

            node = next;
            walker = next;
        }

        // Down the receiver: app.MapGroup("/beta").AddEndpointFilter(gate).MapGet(...), or a group held in a local.
        return ReceiverGatesFlag(ReceiverOf(map), flag, depth);
    }

    private bool ReceiverGatesFlag(IOperation? receiver, string flag, int depth)
    {
        var locals = 0;
        for (var current = UnwrapOrNull(receiver); current is not null && locals <= MaxIndirection; current = UnwrapOrNull(current))
        {
            switch (current)
            {
                case IInvocationOperation invocation:
                    if (GatesFlag(invocation, flag, depth))
                    {
                        return true;
                    }

                    current = ReceiverOf(invocation);
                    continue;
                case ILocalReferenceOperation local:
                    // var group = app.MapGroup("/beta"); group.WithFeatureGate("Beta"); group.MapGet(...)
                    if (GatedLocally(local, flag, depth))
                    {
                        return true;
                    }

                    locals++;
                    current = LocalInitializer(local);
                    continue;
                default:
                    return false;
            }
        }

        return false;
    }

    /// <summary>A <c>.WithFeatureGate(flag)</c> call on the local anywhere in its body (a group configured before or after mapping).</summary>
    private bool GatedLocally(ILocalReferenceOperation local, string flag, int depth)
    {
        foreach (var invocation in IndexOf(local).CallsOn(local.Local))
        {
            if (GatesFlag(invocation, flag, depth))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A step of an endpoint's or group's fluent chain that lets a request through only where the flag is on.</summary>
    private bool GatesFlag(IInvocationOperation invocation, string flag, int depth)
    {
        if (!api.IsWithFeatureGate(invocation))
        {
            return depth < MaxIndirection && IsAddEndpointFilter(invocation) && Remember(invocation, flag, depth + 1, () => FilterGatesFlag(invocation, flag, depth + 1));
        }

        foreach (var gated in FlagReferences.WithFeatureGateFlags(invocation))
        {
            if (SameFlag(gated.Flag, flag))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// An endpoint filter that lets a request through only where the flag is on:
    /// <c>.AddEndpointFilter(async (context, next) =&gt; await fm.IsEnabledAsync("Beta") ? await next(context) : Results.NotFound())</c>,
    /// a filter class (<c>.AddEndpointFilter&lt;BetaGate&gt;()</c>, <c>.AddEndpointFilter(new BetaGate(fm))</c>) whose
    /// <c>IEndpointFilter.InvokeAsync</c> is written that way, or a filter factory
    /// (<c>.AddEndpointFilterFactory((factoryContext, next) =&gt; async context =&gt; …)</c>) whose filter is.
    /// Microsoft.FeatureManagement's own filter is internal; <c>.WithFeatureGate</c> adds it. The handler runs only
    /// through <c>next</c>, so the filter gates the flag when it calls <c>next</c> and every call is guarded by a check
    /// of it. A filter that hands <c>next</c> on (to a method, a field, returned from a factory) gates nothing, nor does a
    /// filter class whose source is not in the compilation.
    /// </summary>
    private bool FilterGatesFlag(IInvocationOperation addFilter, string flag, int depth)
    {
        var method = addFilter.TargetMethod;
        foreach (var argument in addFilter.Arguments)
        {
            if (method.IsExtensionMethod && argument.Parameter is { Ordinal: 0 })
            {
                continue; // the endpoint or group the filter is added to
            }

            var value = StripConversions(argument.Value);
            if (value is IDelegateCreationOperation creation)
            {
                value = creation.Target;
            }

            if (value is IAnonymousFunctionOperation { Symbol.Parameters.Length: 2 } filter)
            {
                return NextCalledOnlyUnderCheck(filter.Body, filter.Symbol.Parameters[1], flag, depth);
            }

            if (value?.Type is INamedTypeSymbol instanceType && EndpointFilterInvoke(instanceType) is { } instanceInvoke)
            {
                return InvokeGatesFlag(addFilter, instanceInvoke, flag, depth);
            }
        }

        // AddEndpointFilter<TFilterType>(): the filter type is the method's last type argument.
        if (method.TypeArguments.Length > 0
            && method.TypeArguments[method.TypeArguments.Length - 1] is INamedTypeSymbol filterType
            && EndpointFilterInvoke(filterType) is { } invoke)
        {
            return InvokeGatesFlag(addFilter, invoke, flag, depth);
        }

        return false;
    }

    /// <summary>The filter class's implementation of <c>IEndpointFilter.InvokeAsync(context, next)</c>, when it has one.</summary>
    private static IMethodSymbol? EndpointFilterInvoke(INamedTypeSymbol type)
    {
        if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct))
        {
            return null;
        }

        foreach (var contract in type.AllInterfaces)
        {
            if (contract is { Name: "IEndpointFilter", ContainingNamespace: { Name: "Http", ContainingNamespace: { Name: "AspNetCore", ContainingNamespace.Name: "Microsoft" } } })
            {
                foreach (var member in contract.GetMembers("InvokeAsync"))
                {
                    if (member is IMethodSymbol { Parameters.Length: 2 }
                        && type.FindImplementationForInterfaceMember(member) is IMethodSymbol implementation)
                    {
                        return implementation;
                    }
                }
            }
        }

        return null;
    }

    private bool InvokeGatesFlag(IInvocationOperation addFilter, IMethodSymbol invoke, string flag, int depth)
    {
        if (addFilter.SemanticModel is not { } model)
        {
            return false;
        }

        foreach (var reference in invoke.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax();
            // The driver's compilation shares its semantic models with the analyzers (its semantic model provider), so
            // this model is the one the filter's own file is analysed with, not a second one.
#pragma warning disable RS1030 // the filter class lives in another file than the endpoint that adds it
            var filterModel = syntax.SyntaxTree == model.SyntaxTree ? model : model.Compilation.GetSemanticModel(syntax.SyntaxTree);
#pragma warning restore RS1030
            if (filterModel.GetOperation(syntax) is { } body)
            {
                return NextCalledOnlyUnderCheck(body, invoke.Parameters[1], flag, depth);
            }
        }

        return false;
    }

    private bool NextCalledOnlyUnderCheck(IOperation body, IParameterSymbol next, string flag, int depth)
    {
        var called = false;
        foreach (var descendant in body.Descendants())
        {
            if (descendant is IParameterReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Parameter, next))
            {
                if (reference.Parent is not IInvocationOperation call || call.Instance != reference || !IsGuarded(call, flag, depth))
                {
                    return false;
                }

                called = true;
            }
        }

        return called;
    }

    private static bool IsAddEndpointFilter(IInvocationOperation invocation) =>
        invocation.TargetMethod.Name is "AddEndpointFilter" or "AddEndpointFilterFactory"
        && invocation.TargetMethod.ContainingType is { Name: "EndpointFilterExtensions" } extensions
        && extensions.ContainingNamespace?.ToDisplayString() == "Microsoft.AspNetCore.Http";

    /// <summary>A local function's body is guarded when every call of it in its containing body is.</summary>
    private bool AllCallsGuarded(ILocalFunctionOperation localFunction, string flag, int depth) =>
        Remember(localFunction, flag, depth, () =>
        {
            var calls = IndexOf(localFunction).CallsOf(localFunction.Symbol);
            foreach (var call in calls)
            {
                if (!IsGuarded(call, flag, depth))
                {
                    return false;
                }
            }

            return calls.Count > 0;
        });

    private static IOperation? LocalInitializer(ILocalReferenceOperation local)
    {
        foreach (var reference in local.Local.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax();
            if (local.SemanticModel?.SyntaxTree == syntax.SyntaxTree
                && local.SemanticModel.GetOperation(syntax) is IVariableDeclaratorOperation { Initializer.Value: { } value })
            {
                return value;
            }
        }

        return null;
    }

    private static IOperation? ReceiverOf(IInvocationOperation invocation) =>
        invocation.Instance ?? (invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);

    /// <summary>Through conversions, <c>await</c> and <c>.ConfigureAwait(false)</c> to the value tested.</summary>
    internal static IOperation Unwrap(IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    continue;
                case IAwaitOperation awaited:
                    operation = awaited.Operation;
                    continue;
                case IInvocationOperation { TargetMethod.Name: "ConfigureAwait", Instance: { } instance }:
                    operation = instance;
                    continue;
                default:
                    return operation;
            }
        }
    }

    private static IOperation? UnwrapOrNull(IOperation? operation) => operation is null ? null : Unwrap(operation);

    private static IOperation? StripConversions(IOperation? operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    internal static bool SameFlag(string? a, string b) => a is not null && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
