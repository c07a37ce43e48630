// Microsoft.FeatureManagement / Microsoft.FeatureManagement.AspNetCore 4.7.0, as the packages declare the API the
// flag rules read (namespaces, names and signatures; bodies are not needed).
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Microsoft.FeatureManagement
{
    public interface IFeatureManager
    {
        IAsyncEnumerable<string> GetFeatureNamesAsync();

        Task<bool> IsEnabledAsync(string feature);

        Task<bool> IsEnabledAsync<TContext>(string feature, TContext context);
    }

    public interface IFeatureManagerSnapshot : IFeatureManager
    {
    }

    public interface IVariantFeatureManager
    {
        IAsyncEnumerable<string> GetFeatureNamesAsync(CancellationToken cancellationToken = default);

        ValueTask<bool> IsEnabledAsync(string feature, CancellationToken cancellationToken = default);

        ValueTask<bool> IsEnabledAsync<TContext>(string feature, TContext context, CancellationToken cancellationToken = default);

        ValueTask<Variant> GetVariantAsync(string feature, CancellationToken cancellationToken = default);
    }

    public interface IVariantFeatureManagerSnapshot : IVariantFeatureManager
    {
    }

    public class Variant
    {
        public string Name { get; set; } = "";
    }

    public enum RequirementType
    {
        Any,
        All,
    }
}

namespace Microsoft.FeatureManagement.Mvc
{
    public class FeatureGateAttribute : ActionFilterAttribute
    {
        public FeatureGateAttribute(params string[] features) { }

        public FeatureGateAttribute(RequirementType requirementType, params string[] features) { }

        public FeatureGateAttribute(bool negate, params string[] features) { }

        public FeatureGateAttribute(RequirementType requirementType, bool negate, params string[] features) { }

        public FeatureGateAttribute(params object[] features) { }

        public FeatureGateAttribute(RequirementType requirementType, params object[] features) { }

        public FeatureGateAttribute(bool negate, params object[] features) { }

        public FeatureGateAttribute(RequirementType requirementType, bool negate, params object[] features) { }
    }
}

namespace Microsoft.FeatureManagement.AspNetCore
{
    // The filter these add, FeatureGateEndpointFilter, is internal in 4.7.0 (user code naming it is CS0122), so it is
    // not declared here: a stub in the test's own compilation would let a test use what no user can.
    public static class FeatureGateEndpointFilterExtensions
    {
        public static IEndpointConventionBuilder WithFeatureGate(this IEndpointConventionBuilder builder, params string[] features) => builder;

        public static IEndpointConventionBuilder WithFeatureGate(this IEndpointConventionBuilder builder, RequirementType requirementType, params string[] features) => builder;

        public static IEndpointConventionBuilder WithFeatureGate(this IEndpointConventionBuilder builder, bool negate, params string[] features) => builder;

        public static IEndpointConventionBuilder WithFeatureGate(this IEndpointConventionBuilder builder, RequirementType requirementType, bool negate, params string[] features) => builder;
    }
}
