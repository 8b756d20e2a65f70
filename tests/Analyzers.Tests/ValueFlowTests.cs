using System;
using System.Linq;
using System.Threading.Tasks;
using CloudTrailSdk.Analyzers.Tests.Support;

namespace CloudTrailSdk.Analyzers.Tests;

/// <summary>
/// Values that reach a member one step away from where they are written: through locals (every reaching assignment
/// known), static read-only fields and read-only properties, the arms of ?:, ?? and switch expressions, and
/// string.Concat/Join/Format. And, as important, what must not be flagged because the value is not known.
/// </summary>
[Trait("Category", "Unit")]
public sealed class ValueFlowTests
{
    [Fact]
    public async Task A_local_whose_every_reaching_assignment_is_a_bad_constant()
    {
        var diagnostics = await AnalyzerAssert.VerifyAsync("""
            class C
            {
                object M()
                {
                    var name = "my--trail";
                    return new GetEventSelectorsRequest { TrailName = {|CTSDK001:name|} };
                }
            }
            """);
        Assert.StartsWith("GetEventSelectorsRequest.TrailName (from local 'name' assigned on line 7): trail name 'my--trail'", diagnostics.Single().GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public Task Locals_through_branches_loops_and_other_locals() => AnalyzerAssert.VerifyAsync("""
        class C
        {
            object Branches(bool ok)
            {
                string name;
                if (ok) { name = "good-trail"; } else { name = "a..b"; }
                return new GetTrailRequest { Name = {|CTSDK001:name|} };
            }

            object Chain()
            {
                var first = "x";
                var second = first;
                return new GetTrailRequest { Name = {|CTSDK001:second|} };
            }

            object Reassigned()
            {
                var name = "my--trail";
                name = "good-trail";
                return new GetTrailRequest { Name = name };
            }

            object Loop(int n)
            {
                var name = "ok-trail";
                for (var i = 0; i < n; i++) { name = "-bad"; }
                return new GetTrailRequest { Name = {|CTSDK001:name|} };
            }

            object Numbers()
            {
                var max = 51;
                return new LookupEventsRequest { MaxResults = {|CTSDK005:max|} };
            }

            System.Func<object> Lambda() => () =>
            {
                var name = "b--b";
                return new GetTrailRequest { Name = {|CTSDK001:name|} };
            };

            object LocalFunction()
            {
                return Make();
                static object Make() { var name = "c--c"; return new GetTrailRequest { Name = {|CTSDK001:name|} }; }
            }
        }
        """);

    [Fact]
    public async Task Each_arm_of_conditional_coalesce_and_switch_is_checked_and_named()
    {
        var diagnostics = await AnalyzerAssert.VerifyAsync("""
            class C
            {
                object A(bool ok) => new GetEventSelectorsRequest { TrailName = ok ? "a-trail" : {|CTSDK001:"my--trail"|} };
                object B(string? input) => new GetTrailRequest { Name = input ?? {|CTSDK001:"x"|} };
                object D(int k) => new GetTrailRequest { Name = k switch { 1 => "one-trail", 2 => {|CTSDK001:"t--2"|}, _ => "other" } };
                object E(bool ok, int n) => new LookupEventsRequest { MaxResults = ok ? n : {|CTSDK005:0|} };
            }
            """);
        var messages = diagnostics.Select(d => d.GetMessage()).ToArray();
        Assert.Contains(messages, m => m.StartsWith("GetEventSelectorsRequest.TrailName (when-false arm of ?:)", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("GetTrailRequest.Name (right of ??)", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("GetTrailRequest.Name (switch arm '2')", StringComparison.Ordinal));
    }

    [Fact]
    public Task A_local_assigned_from_a_conditional_of_constants() => AnalyzerAssert.VerifyAsync("""
        class C
        {
            object M(bool ok)
            {
                var name = ok ? "good-trail" : "my--trail";
                return new GetTrailRequest { Name = {|CTSDK001:name|} };
            }
        }
        """);

    [Fact]
    public async Task Static_readonly_fields_and_readonly_properties_initialized_with_a_constant()
    {
        var diagnostics = await AnalyzerAssert.VerifyAsync("""
            class C
            {
                static readonly string Name = "my--trail";
                static string Other { get; } = "a" + "..b";
                object A() => new GetTrailRequest { Name = {|CTSDK001:Name|} };
                object B() => new GetTrailRequest { Name = {|CTSDK001:Other|} };
                object D() => new GetTrailRequest { Name = {|CTSDK001:Settings.Trail|} };
            }
            """, "static class Settings { public static readonly string Trail = \"-t\"; }");
        Assert.Contains(diagnostics, d => d.GetMessage().StartsWith("GetTrailRequest.Name (from field 'Name')", StringComparison.Ordinal));
    }

    [Fact]
    public Task String_concat_join_and_format_of_constants() => AnalyzerAssert.VerifyAsync("""
        class C
        {
            const string Env = "prod";
            object A() => new GetTrailRequest { Name = {|CTSDK001:string.Concat(Env, "--", "trail")|} };
            object B() => new GetTrailRequest { Name = {|CTSDK001:string.Join("..", "a", "b")|} };
            object D() => new GetTrailRequest { Name = {|CTSDK001:string.Format("{0}__{1}", Env, "x")|} };
            object E() => new GetTrailRequest { Name = string.Join("-", "good", "trail") };
            object F()
            {
                var part = "a";
                return new GetTrailRequest { Name = {|CTSDK001:string.Concat(part, "_", "_b")|} };
            }
        }
        """);

    [Fact]
    public Task Values_that_are_not_known_are_not_flagged() => AnalyzerAssert.VerifyAsync("""
        using System;
        class C
        {
            static readonly string Assigned = "my--trail";
            static readonly string FromInput = Console.ReadLine() ?? "x";
            static string Mutable = "my--trail";
            string Instance { get; } = "my--trail";
            static C() { Assigned = Console.ReadLine()!; }
            C() { Instance = Console.ReadLine()!; }
            C(bool _) { Prop = "x"; }
            string Prop { get; set; } = "my--trail";

            object[] M(string parameter, bool ok, string[] args, int k)
            {
                var fromParameter = parameter;
                var maybe = "my--trail";
                if (ok) { maybe = parameter; }
                var viaOut = "my--trail";
                Replace(out viaOut);
                var viaRef = "my--trail";
                Change(ref viaRef);
                var compound = "my";
                compound += args[0];
                var captured = "my--trail";
                Action change = () => captured = parameter;
                var fromInput = Console.ReadLine()!;
                var caught = "my--trail";
                try { caught = parameter; Console.WriteLine(); } catch (Exception) { }
                var fin = "my--trail";
                try { Console.WriteLine(); } finally { fin = parameter; }
                (var a, var b) = ("my--trail", "x");
                return
                [
                    new GetTrailRequest { Name = fromParameter },
                    new GetTrailRequest { Name = maybe },
                    new GetTrailRequest { Name = viaOut },
                    new GetTrailRequest { Name = viaRef },
                    new GetTrailRequest { Name = compound },
                    new GetTrailRequest { Name = captured },
                    new GetTrailRequest { Name = fromInput },
                    new GetTrailRequest { Name = fin },
                    new GetTrailRequest { Name = a },
                    new GetTrailRequest { Name = Assigned },
                    new GetTrailRequest { Name = FromInput },
                    new GetTrailRequest { Name = Mutable },
                    new GetTrailRequest { Name = Instance },
                    new GetTrailRequest { Name = Prop },
                    new GetTrailRequest { Name = ok ? parameter : args[0] },
                    new GetTrailRequest { Name = parameter ?? args[0] },
                    new GetTrailRequest { Name = string.Concat(parameter, "--") },
                    new GetTrailRequest { Name = string.Join(",", args) },
                    new GetTrailRequest { Name = k switch { 1 => parameter, _ => "good-trail" } },
                    new LookupEventsRequest { MaxResults = k },
                ];
            }

            static void Replace(out string s) => s = "fine";
            static void Change(ref string s) => s = "fine";
        }
        """);
}
