using Verify = ReleasePolicy.Analyzers.Tests.Verification.FlagAnalyzerVerifier<ReleasePolicy.Analyzers.Flags.UnguardedFlagRequirementAnalyzer>;

namespace ReleasePolicy.Analyzers.Tests.Flags;

/// <summary>RP2001 in minimal APIs: every form of <c>.WithFeatureGate</c>, endpoint filters, method-group handlers.</summary>
public sealed partial class UnguardedFlagRequirementTests
{
    [Fact]
    public async Task EveryWithFeatureGateOverloadGuardsTheHandlerUnlessItIsNegated()
    {
        const string source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.FeatureManagement;
            using Microsoft.FeatureManagement.AspNetCore;
            using Shop;

            public static class CheckoutEndpoints
            {
                public static void Map(WebApplication app)
                {
                    app.MapPost("/wallet", (decimal amount, WalletPayments wallet) => wallet.ChargeWithWallet(amount))
                        .WithFeatureGate(RequirementType.All, Flags.NewCheckout);
                    app.MapPost("/wallet/v2", (decimal amount, WalletPayments wallet) => wallet.ChargeWithWallet(amount))
                        .WithFeatureGate(negate: false, Flags.NewCheckout);
                    app.MapPost("/wallet/v3", (decimal amount, WalletPayments wallet) => wallet.ChargeWithWallet(amount))
                        .WithFeatureGate(RequirementType.All, false, Flags.NewCheckout, Flags.Beta);

                    var recommendations = app.MapGroup("/recommendations");
                    recommendations.WithFeatureGate(RequirementType.All, false, "Recommendations");
                    recommendations.MapGet("/{customer}", (string customer, RecommendationEngine engine) => engine.For(customer));

                    // Only where NewCheckout is off: the opposite of a guard.
                    app.MapPost("/classic", (decimal amount, WalletPayments wallet) => {|#0:wallet.ChargeWithWallet(amount)|})
                        .WithFeatureGate(RequirementType.All, true, Flags.NewCheckout);
                }
            }
            """;

        await Verify.VerifyAsync(source, Project, Unguarded(0, "WalletPayments.ChargeWithWallet", "NewCheckout"));
    }

    [Fact]
    public async Task AnEndpointFilterThatCallsNextOnlyWhenTheFlagIsOnGuardsTheHandler()
    {
        const string source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.FeatureManagement;
            using Shop;

            public static class CheckoutEndpoints
            {
                public static void Map(WebApplication app)
                {
                    app.MapPost("/wallet", (decimal amount, WalletPayments wallet) => wallet.ChargeWithWallet(amount))
                        .AddEndpointFilter(async (context, next) =>
                        {
                            var features = context.HttpContext.RequestServices.GetRequiredService<IFeatureManager>();
                            if (!await features.IsEnabledAsync(Flags.NewCheckout))
                            {
                                return Results.NotFound();
                            }

                            return await next(context);
                        });

                    var recommendations = app.MapGroup("/recommendations");
                    recommendations.AddEndpointFilter(async (context, next) =>
                        await context.HttpContext.RequestServices.GetRequiredService<IFeatureManager>().IsEnabledAsync("Recommendations")
                            ? await next(context)
                            : Results.NotFound());
                    recommendations.MapGet("/{customer}", (string customer, RecommendationEngine engine) => engine.For(customer));

                    app.MapGroup("/v2")
                        .AddEndpointFilter(async (context, next) =>
                            await context.HttpContext.RequestServices.GetRequiredService<IFeatureManager>().IsEnabledAsync(Flags.NewCheckout) is false
                                ? Results.NotFound()
                                : await next(context))
                        .MapPost("/wallet", (decimal amount, WalletPayments wallet) => wallet.ChargeWithWallet(amount));
                }
            }
            """;

        await Verify.VerifyAsync(source, Project);
    }

    [Fact]
    public async Task AnEndpointFilterThatCanCallNextWithTheFlagOffGuardsNothing()
    {
        const string source = """
            using System;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.FeatureManagement;
            using Shop;

            public static class CheckoutEndpoints
            {
                public static void Map(WebApplication app)
                {
                    // Checks another flag.
                    app.MapPost("/beta-wallet", (decimal amount, WalletPayments wallet) => {|#0:wallet.ChargeWithWallet(amount)|})
                        .AddEndpointFilter(async (context, next) =>
                            await context.HttpContext.RequestServices.GetRequiredService<IFeatureManager>().IsEnabledAsync(Flags.Beta)
                                ? await next(context)
                                : Results.NotFound());

                    // Logs when the flag is off, then lets the request through anyway.
                    app.MapPost("/wallet", (decimal amount, WalletPayments wallet) => {|#1:wallet.ChargeWithWallet(amount)|})
                        .AddEndpointFilter(async (context, next) =>
                        {
                            if (!await context.HttpContext.RequestServices.GetRequiredService<IFeatureManager>().IsEnabledAsync(Flags.NewCheckout))
                            {
                                Console.WriteLine("NewCheckout is off");
                            }

                            return await next(context);
                        });
                }
            }
            """;

        await Verify.VerifyAsync(
            source,
            Project,
            Unguarded(0, "WalletPayments.ChargeWithWallet", "NewCheckout"),
            Unguarded(1, "WalletPayments.ChargeWithWallet", "NewCheckout"));
    }

    [Fact]
    public async Task AFlaggedMethodMappedAsAHandlerIsGuardedByTheEndpointsGate()
    {
        const string source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.FeatureManagement.AspNetCore;
            using Shop;

            public static class WalletEndpoints
            {
                public static void Map(WebApplication app)
                {
                    app.MapPost("/wallet", Pay).WithFeatureGate(Flags.NewCheckout);
                    var v2 = app.MapGroup("/v2");
                    v2.WithFeatureGate(Flags.NewCheckout);
                    v2.MapPost("/wallet", Pay);
                    app.MapPost("/beta-wallet", {|#0:Pay|}).WithFeatureGate(Flags.Beta);
                    app.MapPost("/open-wallet", {|#1:Pay|});
                }

                [RequiresFeature(Flags.NewCheckout)]
                public static IResult Pay(decimal amount) => Results.Ok(amount);
            }
            """;

        await Verify.VerifyAsync(
            source,
            Project,
            Unguarded(0, "WalletEndpoints.Pay", "NewCheckout"),
            Unguarded(1, "WalletEndpoints.Pay", "NewCheckout"));
    }

    /// <summary>Endpoint filters as classes, in their own file as a web project keeps them, and filter factories.</summary>
    private const string Filters = """
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Http;
        using Microsoft.FeatureManagement;

        namespace Shop.Filters;

        /// <summary>404 unless the new checkout is on.</summary>
        public sealed class NewCheckoutGate(IFeatureManager features) : IEndpointFilter
        {
            public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
            {
                if (!await features.IsEnabledAsync(Flags.NewCheckout).ConfigureAwait(false))
                {
                    return Results.NotFound();
                }

                return await next(context);
            }
        }

        /// <summary>Explicitly implemented, in a base class.</summary>
        public abstract class BetaGateBase : IEndpointFilter
        {
            protected abstract IFeatureManager Features { get; }

            async ValueTask<object?> IEndpointFilter.InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
                await Features.IsEnabledAsync(Flags.Beta) ? await next(context) : Results.NotFound();
        }

        public sealed class BetaGate(IFeatureManager features) : BetaGateBase
        {
            protected override IFeatureManager Features => features;
        }

        /// <summary>Only logs: the request goes through with the flag off.</summary>
        public sealed class NewCheckoutAudit(IFeatureManager features) : IEndpointFilter
        {
            public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
            {
                if (!await features.IsEnabledAsync(Flags.NewCheckout))
                {
                    System.Console.WriteLine("NewCheckout is off");
                }

                return await next(context);
            }
        }
        """;

    [Fact]
    public async Task AnEndpointFilterClassOrFactoryThatCallsNextOnlyWithTheFlagOnGuardsTheHandler()
    {
        const string source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Routing;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.FeatureManagement;
            using Shop;
            using Shop.Filters;

            public static class CheckoutEndpoints
            {
                public static void Map(WebApplication app, IFeatureManager features)
                {
                    app.MapPost("/wallet", (decimal amount, WalletPayments wallet) => wallet.ChargeWithWallet(amount))
                        .AddEndpointFilter<NewCheckoutGate>();

                    var v2 = app.MapGroup("/v2").AddEndpointFilter<RouteGroupBuilder, NewCheckoutGate>();
                    v2.MapPost("/wallet", (decimal amount, WalletPayments wallet) => wallet.ChargeWithWallet(amount));

                    app.MapPost("/v3/wallet", (decimal amount, WalletPayments wallet) => wallet.ChargeWithWallet(amount))
                        .AddEndpointFilter(new NewCheckoutGate(features));

                    app.MapPost("/v4/wallet", (decimal amount, WalletPayments wallet) => wallet.ChargeWithWallet(amount))
                        .AddEndpointFilterFactory((factoryContext, next) => async invocationContext =>
                            await invocationContext.HttpContext.RequestServices.GetRequiredService<IFeatureManager>().IsEnabledAsync(Flags.NewCheckout)
                                ? await next(invocationContext)
                                : Results.NotFound());

                    // Gates another flag, explicitly implemented in a base class.
                    app.MapPost("/beta/wallet", (decimal amount, WalletPayments wallet) => {|#0:wallet.ChargeWithWallet(amount)|})
                        .AddEndpointFilter<BetaGate>();

                    // Lets the request through with the flag off.
                    app.MapPost("/audited/wallet", (decimal amount, WalletPayments wallet) => {|#1:wallet.ChargeWithWallet(amount)|})
                        .AddEndpointFilter<NewCheckoutAudit>();

                    // A factory that hands next on unchanged when it is built.
                    app.MapPost("/v5/wallet", (decimal amount, WalletPayments wallet) => {|#2:wallet.ChargeWithWallet(amount)|})
                        .AddEndpointFilterFactory((factoryContext, next) => next);
                }
            }
            """;

        var test = await Verify.CreateAsync(
            source,
            Unguarded(0, "WalletPayments.ChargeWithWallet", "NewCheckout"),
            Unguarded(1, "WalletPayments.ChargeWithWallet", "NewCheckout"),
            Unguarded(2, "WalletPayments.ChargeWithWallet", "NewCheckout"));
        test.TestState.Sources.Add(("Project.cs", Project));
        test.TestState.Sources.Add(("Filters/Gates.cs", Filters));
        await test.RunAsync();
    }

    [Fact]
    public async Task AFilterClassGatesTheFlagItChecks()
    {
        const string source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Routing;
            using Shop;
            using Shop.Filters;

            public static class BetaEndpoints
            {
                public static void Map(WebApplication app) =>
                    app.MapGroup("/beta").AddEndpointFilter<RouteGroupBuilder, BetaGate>().MapGet("/", () => Preview.Show());
            }

            public static class Preview
            {
                [RequiresFeature(Flags.Beta)]
                public static string Show() => "preview";
            }
            """;

        var test = await Verify.CreateAsync(source);
        test.TestState.Sources.Add(("Project.cs", Project));
        test.TestState.Sources.Add(("Filters/Gates.cs", Filters));
        await test.RunAsync();
    }
}
