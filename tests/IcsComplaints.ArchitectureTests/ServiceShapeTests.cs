using NetArchTest.Rules;

namespace IcsComplaints.ArchitectureTests;

/// <summary>
/// The shape of docs/architecture.md, kept by tests: a domain that knows no framework, services that share only
/// contracts, endpoints and consumers that call features, and EF Core only in <c>Data/</c>.
/// </summary>
public sealed class ServiceShapeTests
{
    /// <summary>What a domain model must never depend on: the frameworks, the wire, and the hosts' building blocks.</summary>
    public static readonly string[] Frameworks =
    [
        "Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "Npgsql", "Grpc", "Google.Protobuf", "MassTransit",
        "Microsoft.Extensions.Hosting", "IcsComplaints.Platform", "IcsComplaints.ServiceDefaults", "IcsComplaints.Messaging",
    ];

    [Theory]
    [MemberData(nameof(ServiceAssemblies.Services), MemberType = typeof(ServiceAssemblies))]
    public void TheDomain_DependsOnNoFramework_AndOnNoContracts(string service)
    {
        var domain = ServiceAssemblies.Domain(service);
        var forbidden = Frameworks.Concat(ServiceAssemblies.All.Select(s => s.Root + ".Contracts")).ToArray();
        AssertHeld(Types.InAssembly(domain).ShouldNot().HaveDependencyOnAny(forbidden).GetResult(), $"{service}.Domain depends on a framework or on contracts");
    }

    [Theory]
    [MemberData(nameof(ServiceAssemblies.Services), MemberType = typeof(ServiceAssemblies))]
    public void AService_ReferencesNoOtherServicesProjects_OnlyTheirContracts(string service)
    {
        var others = ServiceAssemblies.All.Where(s => s.Service != service).SelectMany(s => new[] { s.Root + ".Api", s.Root + ".Domain" }).ToHashSet(StringComparer.Ordinal);
        foreach (var assembly in new[] { ServiceAssemblies.Api(service), ServiceAssemblies.Domain(service) })
        {
            var referenced = assembly.GetReferencedAssemblies().Select(a => a.Name!).Where(others.Contains).ToList();
            Assert.True(referenced.Count == 0, $"{assembly.GetName().Name} references {string.Join(", ", referenced)}: services share only contracts/");
        }
    }

    [Theory]
    [MemberData(nameof(ServiceAssemblies.Services), MemberType = typeof(ServiceAssemblies))]
    public void EndpointsAndConsumers_CallFeatures_NotEachOther(string service)
    {
        var root = ServiceAssemblies.RootOf(service) + ".Api";
        var api = ServiceAssemblies.Api(service);
        string[] edges = [root + ".Api", root + ".Grpc", root + ".Consumers"];
        foreach (var edge in edges)
        {
            AssertHeld(
                Types.InAssembly(api).That().ResideInNamespace(edge).ShouldNot().HaveDependencyOnAny([.. edges.Where(e => e != edge)]).GetResult(),
                $"{edge} depends on another kind of endpoint: it should call a feature");
        }
        AssertHeld(
            Types.InAssembly(api).That().ResideInNamespace(root + ".Features").ShouldNot().HaveDependencyOnAny(edges).GetResult(),
            $"{root}.Features depends on an endpoint or a consumer");
    }

    [Theory]
    [MemberData(nameof(ServiceAssemblies.Services), MemberType = typeof(ServiceAssemblies))]
    public void EfCore_IsUsedOnlyInData(string service)
    {
        var root = ServiceAssemblies.RootOf(service) + ".Api";
        AssertHeld(
            Types.InAssembly(ServiceAssemblies.Api(service))
                .That().DoNotResideInNamespace(root + ".Data")
                // The composition root registers the DbContext; it does not query.
                .And().DoNotHaveNameEndingWith("ServiceCollectionExtensions")
                .ShouldNot().HaveDependencyOn("Microsoft.EntityFrameworkCore").GetResult(),
            $"{root}: EF Core outside Data/");
    }

    /// <summary>
    /// A rule is a static class in the domain's <c>Rules</c> namespace (the records it returns may sit in its file), and
    /// every file in <c>Rules/</c> holds the rule it is named for: found by name in both directions.
    /// </summary>
    [Theory]
    [MemberData(nameof(ServiceAssemblies.Services), MemberType = typeof(ServiceAssemblies))]
    public void EveryRule_LivesInTheDomainsRulesFolder_InAFileNamedForIt(string service)
    {
        var rules = Types.InAssembly(ServiceAssemblies.Domain(service)).That().ResideInNamespace(ServiceAssemblies.RootOf(service) + ".Domain.Rules")
            .GetTypes().Where(t => t.IsPublic && !t.IsNested && t.IsAbstract && t.IsSealed).Select(t => t.Name).ToList();
        var folder = Path.Combine(RepositoryRoot(), "services", service, service + ".Domain", "Rules");
        var files = System.IO.Directory.Exists(folder) ? System.IO.Directory.GetFiles(folder, "*.cs").Select(Path.GetFileNameWithoutExtension).ToList() : [];
        // Identity's domain holds accounts and the sign-in lockout policy; no rule of the Regulations or the Standards.
        Assert.True(service == "Identity" || rules.Count > 0, $"{service}.Domain has no rules in its Rules namespace");
        Assert.True(rules.Except(files).ToList() is [], $"rules not in a file of their name in {folder}: {string.Join(", ", rules.Except(files))}");
        Assert.True(files.Except(rules).ToList() is [], $"files in {folder} that hold no rule of their name: {string.Join(", ", files.Except(rules))}");
    }

    private static void AssertHeld(NetArchTest.Rules.TestResult result, string what) =>
        Assert.True(result.IsSuccessful, $"{what}: {string.Join(", ", result.FailingTypeNames ?? [])}");

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "IcsComplaints.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("IcsComplaints.sln not found above " + AppContext.BaseDirectory);
    }
}
