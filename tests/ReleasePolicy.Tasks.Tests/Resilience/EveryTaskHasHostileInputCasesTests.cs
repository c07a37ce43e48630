using System.Reflection;

namespace ReleasePolicy.Tasks.Tests.Resilience;

/// <summary>
/// Every task the SDK can run (every non-abstract <see cref="ReleasePolicyTask"/>) has hostile-input cases here, so a
/// task added later fails this test until someone writes them.
/// </summary>
public sealed class EveryTaskHasHostileInputCasesTests
{
    [Fact]
    public void Every_task_has_a_class_of_hostile_input_cases_with_at_least_one_test()
    {
        var tasks = typeof(ReleasePolicyTask).Assembly.GetTypes()
            .Where(type => typeof(ReleasePolicyTask).IsAssignableFrom(type) && !type.IsAbstract)
            .OrderBy(type => type.Name, StringComparer.Ordinal)
            .ToList();
        var covered = typeof(EveryTaskHasHostileInputCasesTests).Assembly.GetTypes()
            .Where(type => type.GetMethods().Any(method => method.GetCustomAttributes<FactAttribute>().Any()))
            .SelectMany(type => type.GetCustomAttributes<HostileInputsForAttribute>())
            .Select(attribute => attribute.Task)
            .ToHashSet();

        Assert.NotEmpty(tasks);
        Assert.Contains(typeof(VerifyReleaseDependencies), tasks);
        Assert.Empty(tasks.Where(task => !covered.Contains(task)).Select(task => task.FullName));
    }
}
