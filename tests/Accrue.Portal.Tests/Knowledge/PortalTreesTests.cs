namespace Accrue.Portal.Tests.Knowledge;

using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Accrue.Portal.Analyzers.Generators;
using Accrue.Portal.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

/// <summary>
/// The per-type gate the gated rules register behind (Knowledge/PortalTrees): every type whose bodies can touch Stripe
/// passes, however the app reaches Stripe from it (an interface in a Stripe-free file, a global using, an alias, an
/// inherited member, top-level statements, a referenced project), and a type that only shares a private member's name
/// with portal code does not. Reached by reflection, as KnownTypesTests explains.
/// </summary>
public sealed class PortalTreesTests
{
    private const string Links = """
        namespace Shop.Billing
        {
            using System.Threading.Tasks;
            using Stripe.BillingPortal;

            public interface IPortalLinks { Task<string> OpenAsync(string customer); }

            public sealed class StripePortalLinks : IPortalLinks
            {
                private readonly SessionService sessions = new SessionService();

                public async Task<string> OpenAsync(string customer) =>
                    (await this.sessions.CreateAsync(new SessionCreateOptions { Customer = customer, ReturnUrl = "https://example.com" })).Url;
            }
        }
        """;

    [Fact]
    public void A_controller_in_a_Stripe_free_file_passes_through_the_interface_it_calls_and_a_caller_of_that_controller_passes_too()
    {
        var gate = Gate(
            Links,
            """
            namespace Shop.Web
            {
                public sealed class AccountController
                {
                    private readonly Shop.Billing.IPortalLinks links;
                    public AccountController(Shop.Billing.IPortalLinks links) => this.links = links;
                    public System.Threading.Tasks.Task<string> Portal(string customer) => this.links.OpenAsync(customer);
                }

                public sealed class Dashboard
                {
                    public System.Threading.Tasks.Task<string> Open(AccountController account) => account.Portal("cus_1");
                }
            }
            """,
            """
            namespace Shop.Orders
            {
                public sealed class OrderController
                {
                    public int Get(int id) => id + 1;
                }
            }
            """);

        Assert.True(gate.MayTouch("Shop.Billing.StripePortalLinks"));
        Assert.True(gate.MayTouch("Shop.Billing.IPortalLinks"));
        Assert.True(gate.MayTouch("Shop.Web.AccountController"));
        Assert.True(gate.MayTouch("Shop.Web.Dashboard"));
        Assert.False(gate.MayTouch("Shop.Orders.OrderController"));
    }

    [Fact]
    public void A_private_member_name_shared_with_portal_code_does_not_let_another_type_through()
    {
        var gate = Gate(
            Links,
            """
            namespace Shop.Orders
            {
                public sealed class OrderCache
                {
                    private readonly object sessions = new object();
                    public object Get() => this.sessions;
                }
            }
            """);

        Assert.False(gate.MayTouch("Shop.Orders.OrderCache"));
    }

    [Fact]
    public void A_type_that_names_no_Stripe_word_passes_by_a_global_using_or_an_alias()
    {
        var gate = Gate(
            "global using Stripe.BillingPortal;\nglobal using Portal = Stripe.BillingPortal.SessionService;",
            """
            namespace Shop
            {
                public sealed class ByGlobalUsing
                {
                    public object Options() => new SessionCreateOptions { Customer = "cus_1" };
                }

                public sealed class ByAlias
                {
                    public object Service() => new Portal();
                }
            }
            """);

        Assert.True(gate.MayTouch("Shop.ByGlobalUsing"));
        Assert.True(gate.MayTouch("Shop.ByAlias"));
    }

    [Fact]
    public void A_part_of_a_partial_type_that_calls_an_inherited_Stripe_member_unqualified_passes_with_the_part_that_inherits()
    {
        var gate = Gate(
            "namespace Shop { public partial class Sessions : Stripe.BillingPortal.SessionService { } }",
            "namespace Shop { public partial class Sessions { public object Open(object options) => Create((dynamic)options); } }",
            "namespace Shop { public sealed class Mine : Sessions { public object Again() => Create(null!); } }");

        Assert.True(gate.MayTouch("Shop.Sessions"));
        Assert.True(gate.MayTouch("Shop.Mine"));
    }

    [Fact]
    public void Top_level_statements_pass_when_they_reach_Stripe()
    {
        var compilation = Compile(
            OutputKind.ConsoleApplication,
            [],
            "var links = new Shop.Billing.StripePortalLinks();\nSystem.Console.WriteLine(await links.OpenAsync(\"cus_1\"));",
            Links);
        var gate = GateProbe.For(compilation);

        Assert.True(gate.MayTouch(compilation.GetEntryPoint(default)!.ContainingType));
    }

    [Fact]
    public void A_type_that_calls_a_referenced_project_member_whose_signature_holds_a_Stripe_type_passes()
    {
        var library = CSharpCompilation.Create(
            "Core",
            [CSharpSyntaxTree.ParseText("namespace Core { public static class PortalFactory { public static Stripe.BillingPortal.SessionCreateOptions Cancel(string customer) => new() { Customer = customer }; } public static class Numbers { public static int Count() => 1; } }")],
            TestReferences.Framework.Concat(TestReferences.StripeNet),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var gate = GateProbe.For(Compile(
            OutputKind.DynamicallyLinkedLibrary,
            [library.ToMetadataReference()],
            "namespace Web { public sealed class Uses { public object Make() => Core.PortalFactory.Cancel(\"cus_1\"); } public sealed class Counts { public int Total() => Core.Numbers.Count(); } }"));

        Assert.True(gate.MayTouch("Web.Uses"));
        Assert.False(gate.MayTouch("Web.Counts"));
    }

    /// <summary>
    /// On the benchmark's shop: every type with a body that the per-body pre-filter (Knowledge/PortalBodies, which reads
    /// the bound operations) finds touching Stripe passes the gate, and the gate lets through few of the others.
    /// </summary>
    [Fact]
    public void In_the_generated_shop_every_type_with_a_body_that_touches_Stripe_passes_and_few_others_do()
    {
        // Our generator runs first, as in a build: its glue (a ToString that names Stripe, hosted-service members) is code
        // of the compilation like any other, and once let every type through by the name ToString.
        CSharpGeneratorDriver.Create(new GuardedSessionGenerator())
            .RunGeneratorsAndUpdateCompilation(GeneratedShop.Compile(GeneratedShop.Parse(200, withStripe: true), withStripe: true), out var compilation, out _);
        Assert.Contains(compilation.SyntaxTrees, tree => tree.FilePath.EndsWith("PortalRedirect.g.cs", System.StringComparison.Ordinal));
        var gate = GateProbe.For(compilation);
        var bodies = typeof(Accrue.Portal.Analyzers.RuleIdentifiers).Assembly.GetType("Accrue.Portal.Analyzers.Knowledge.PortalBodies", throwOnError: true)!;
        // The pre-filter without the gate in front: which bodies touch Stripe, the gate's answers left out of it.
        var preFilter = bodies.GetMethod("WithoutGate", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, [compilation])!;
        var touches = bodies.GetMethod("Touches")!;
        var touching = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        var types = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var node in tree.GetRoot().DescendantNodes())
            {
                if (node is Microsoft.CodeAnalysis.CSharp.Syntax.BaseTypeDeclarationSyntax declaration)
                {
                    types.Add(model.GetDeclaredSymbol(declaration)!);
                }
                else if (node is Microsoft.CodeAnalysis.CSharp.Syntax.BaseMethodDeclarationSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.AccessorDeclarationSyntax
                    && model.GetDeclaredSymbol(node) is IMethodSymbol method && model.GetOperation(node) is { } body
                    && (bool)touches.Invoke(preFilter, [method, ImmutableArray.Create(body)])!)
                {
                    touching.Add(method.ContainingType);
                }
            }
        }

        var passing = types.Where(gate.MayTouch).ToList();
        Assert.NotEmpty(touching);
        Assert.Empty(touching.Where(type => !gate.MayTouch(type)).Select(type => type.Name));
        Assert.InRange(passing.Count, touching.Count, types.Count / 5);
    }

    [Fact]
    public void An_instance_member_that_touches_Stripe_lets_through_the_types_that_hold_its_type_not_every_caller_of_its_name()
    {
        var gate = Gate(
            Links,
            """
            namespace Shop.Billing
            {
                public sealed class PortalLink
                {
                    public override string ToString() => new Stripe.BillingPortal.SessionService().ToString()!;
                    public void Dispose() => new Stripe.BillingPortal.SessionService().Create(new Stripe.BillingPortal.SessionCreateOptions { Customer = "bps_1" });
                }

                public sealed class LinkPage
                {
                    public string Show(PortalLink link) => link.ToString();
                }

                public sealed class LinkFactory
                {
                    public PortalLink Make() => new PortalLink();
                }

                public sealed class ByFactory
                {
                    public void Close(LinkFactory factory) { var link = factory.Make(); link.Dispose(); }
                }
            }
            """,
            """
            namespace Shop.Orders
            {
                public sealed class Order
                {
                    public int Id { get; set; }
                    public override string ToString() => this.Id.ToString();
                    public void Dispose() { }
                }

                public sealed class OrderPage
                {
                    public string Show(Order order) { order.Dispose(); return order.ToString(); }
                }
            }
            """);

        Assert.True(gate.MayTouch("Shop.Billing.PortalLink"));
        Assert.True(gate.MayTouch("Shop.Billing.LinkPage"));
        Assert.True(gate.MayTouch("Shop.Billing.LinkFactory"));
        Assert.True(gate.MayTouch("Shop.Billing.ByFactory"));
        Assert.False(gate.MayTouch("Shop.Orders.Order"));
        Assert.False(gate.MayTouch("Shop.Orders.OrderPage"));
    }

    [Fact]
    public void A_call_that_may_dispatch_to_an_override_passes_through_the_virtual_member_and_through_an_overridden_override()
    {
        var gate = Gate(
            """
            namespace Shop
            {
                public abstract class Notifier { public virtual void Send(string text) { } }
                public class LoggingNotifier : Notifier { public override string ToString() => "logging"; }
                public sealed class PortalNotifier : LoggingNotifier
                {
                    public override void Send(string text) => new Stripe.BillingPortal.SessionService().Create(new Stripe.BillingPortal.SessionCreateOptions { Customer = text });
                    public override string ToString() => new Stripe.BillingPortal.SessionService().ToString()!;
                }

                public sealed class Alerts
                {
                    public void Raise(Notifier notifier) => notifier.Send("bps_1");
                }

                public sealed class Names
                {
                    public string Of(LoggingNotifier notifier) => notifier.ToString();
                }
            }
            """);

        Assert.True(gate.MayTouch("Shop.Notifier"));
        Assert.True(gate.MayTouch("Shop.Alerts"));
        Assert.True(gate.MayTouch("Shop.LoggingNotifier"));
        Assert.True(gate.MayTouch("Shop.Names"));
    }

    [Fact]
    public void A_member_reached_by_its_own_name_passes_its_callers_an_extension_method_and_a_static_member_under_using_static()
    {
        var gate = Gate(
            Links,
            """
            namespace Shop.Billing
            {
                public static class PortalExtensions
                {
                    public static string Open(this string customer) => new Stripe.BillingPortal.SessionService().Create(new Stripe.BillingPortal.SessionCreateOptions { Customer = customer }).Url;
                }

                public static class PortalHelpers
                {
                    public static string Reopen(string customer) => new Stripe.BillingPortal.SessionService().Create(new Stripe.BillingPortal.SessionCreateOptions { Customer = customer }).Url;
                }
            }
            """,
            "namespace Shop.Web { using Shop.Billing; public sealed class ByExtension { public string Go() => \"cus_1\".Open(); } }",
            "namespace Shop.Web { using static Shop.Billing.PortalHelpers; public sealed class ByUsingStatic { public string Go() => Reopen(\"cus_1\"); } }");

        Assert.True(gate.MayTouch("Shop.Web.ByExtension"));
        Assert.True(gate.MayTouch("Shop.Web.ByUsingStatic"));
    }

    [Fact]
    public void In_a_type_that_passes_only_the_members_that_can_touch_Stripe_are_read()
    {
        var compilation = Compile(OutputKind.DynamicallyLinkedLibrary, [], Links, """
            namespace Shop.Billing
            {
                public sealed class Account
                {
                    public string Portal(IPortalLinks links) => links.OpenAsync("cus_1").Result;
                    public int Age(int years) => years * 12;
                }
            }
            """);
        var gate = GateProbe.For(compilation);
        var account = compilation.GetTypeByMetadataName("Shop.Billing.Account")!;

        Assert.True(gate.MayTouch(account));
        Assert.True(gate.MayTouchMember(account.GetMembers("Portal").Single()));
        Assert.False(gate.MayTouchMember(account.GetMembers("Age").Single()));
    }

    [Fact]
    public void A_Stripe_typed_primary_constructor_parameter_lets_through_the_members_that_use_it_a_Stripe_base_type_every_member()
    {
        var compilation = Compile(OutputKind.DynamicallyLinkedLibrary, [], """
            namespace Shop.Billing
            {
                public sealed class PortalController(Stripe.BillingPortal.SessionService sessions)
                {
                    public string Open(string customer) => sessions.Create(new Stripe.BillingPortal.SessionCreateOptions { Customer = customer }).Url;
                    public int Count(int orders) => orders + 1;
                }

                public class Sessions : Stripe.BillingPortal.SessionService
                {
                    public int Count(int orders) => orders + 1;
                    public object Again() => Create(null!);
                }
            }
            """);
        var gate = GateProbe.For(compilation);
        var controller = compilation.GetTypeByMetadataName("Shop.Billing.PortalController")!;
        var sessions = compilation.GetTypeByMetadataName("Shop.Billing.Sessions")!;

        Assert.True(gate.MayTouchMember(controller.GetMembers("Open").Single()));
        Assert.False(gate.MayTouchMember(controller.GetMembers("Count").Single()));
        Assert.True(gate.MayTouchMember(sessions.GetMembers("Again").Single()));
        Assert.True(gate.MayTouchMember(sessions.GetMembers("Count").Single()));
    }

    private static GateProbe Gate(params string[] sources) => GateProbe.For(Compile(OutputKind.DynamicallyLinkedLibrary, [], sources));

    private static CSharpCompilation Compile(OutputKind kind, IEnumerable<MetadataReference> extra, params string[] sources)
    {
        var compilation = CSharpCompilation.Create(
            "PortalTreesSubject",
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), Path.Combine("/src", "File" + i + ".cs"))),
            TestReferences.Framework.Concat(TestReferences.StripeNet).Concat(extra),
            new CSharpCompilationOptions(kind));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return compilation;
    }

    private sealed class GateProbe(Compilation compilation, object gate)
    {
        public static GateProbe For(Compilation compilation)
        {
            var type = typeof(Accrue.Portal.Analyzers.RuleIdentifiers).Assembly.GetType("Accrue.Portal.Analyzers.Knowledge.PortalTrees", throwOnError: true)!;
            return new GateProbe(compilation, type.GetMethod("For", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, [compilation])!);
        }

        public bool MayTouch(string metadataName) => this.MayTouch(compilation.GetTypeByMetadataName(metadataName) ?? throw new KeyNotFoundException(metadataName));

        public bool MayTouch(ISymbol type) => (bool)gate.GetType().GetMethod("MayTouch")!.Invoke(gate, [type])!;

        public bool MayTouchMember(ISymbol member) => (bool)gate.GetType().GetMethod("MayTouchMember")!.Invoke(gate, [member])!;
    }
}
