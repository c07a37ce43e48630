// OpenFeature .NET SDK 2.x, as it declares the evaluation API the flag rules read.
using System.Threading;
using System.Threading.Tasks;
using OpenFeature.Model;

namespace OpenFeature.Model
{
    public sealed class EvaluationContext
    {
    }

    public sealed class FlagEvaluationOptions
    {
    }

    public sealed class FlagEvaluationDetails<T>
    {
        public T Value { get; } = default!;

        public string FlagKey { get; } = "";
    }
}

namespace OpenFeature
{
    public interface IFeatureClient
    {
        Task<bool> GetBooleanValueAsync(string flagKey, bool defaultValue, EvaluationContext? context = null, FlagEvaluationOptions? config = null, CancellationToken cancellationToken = default);

        Task<FlagEvaluationDetails<bool>> GetBooleanDetailsAsync(string flagKey, bool defaultValue, EvaluationContext? context = null, FlagEvaluationOptions? config = null, CancellationToken cancellationToken = default);

        Task<string> GetStringValueAsync(string flagKey, string defaultValue, EvaluationContext? context = null, FlagEvaluationOptions? config = null, CancellationToken cancellationToken = default);

        Task<int> GetIntegerValueAsync(string flagKey, int defaultValue, EvaluationContext? context = null, FlagEvaluationOptions? config = null, CancellationToken cancellationToken = default);
    }

    public sealed class FeatureClient : IFeatureClient
    {
        public Task<bool> GetBooleanValueAsync(string flagKey, bool defaultValue, EvaluationContext? context = null, FlagEvaluationOptions? config = null, CancellationToken cancellationToken = default) => Task.FromResult(defaultValue);

        public Task<FlagEvaluationDetails<bool>> GetBooleanDetailsAsync(string flagKey, bool defaultValue, EvaluationContext? context = null, FlagEvaluationOptions? config = null, CancellationToken cancellationToken = default) => Task.FromResult(new FlagEvaluationDetails<bool>());

        public Task<string> GetStringValueAsync(string flagKey, string defaultValue, EvaluationContext? context = null, FlagEvaluationOptions? config = null, CancellationToken cancellationToken = default) => Task.FromResult(defaultValue);

        public Task<int> GetIntegerValueAsync(string flagKey, int defaultValue, EvaluationContext? context = null, FlagEvaluationOptions? config = null, CancellationToken cancellationToken = default) => Task.FromResult(defaultValue);
    }
}
