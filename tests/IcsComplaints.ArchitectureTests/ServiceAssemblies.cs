using System.Reflection;

namespace IcsComplaints.ArchitectureTests;

/// <summary>The services whose shape is checked, by the names of their assemblies.</summary>
public static class ServiceAssemblies
{
    /// <summary>Each service: its folder name (as in <c>services/</c>) and the root of its assemblies' names.</summary>
    public static readonly (string Service, string Root)[] All =
    [
        ("Identity", "IcsComplaints.Identity"),
        ("Intake", "IcsComplaints.Intake"),
        ("Case", "IcsComplaints.Case"),
        ("AdvocacyReferral", "IcsComplaints.AdvocacyReferral"),
        ("Learning", "IcsComplaints.Learning"),
        ("Reporting", "IcsComplaints.Reporting"),
        ("Correspondence", "IcsComplaints.Correspondence"),
    ];

    /// <summary>For a [Theory]: one row per service.</summary>
    public static TheoryData<string> Services => [.. All.Select(s => s.Service)];

    /// <summary>The service's host.</summary>
    public static Assembly Api(string service) => Assembly.Load(RootOf(service) + ".Api");

    /// <summary>The service's domain model.</summary>
    public static Assembly Domain(string service) => Assembly.Load(RootOf(service) + ".Domain");

    /// <summary>The root of the service's assembly names.</summary>
    public static string RootOf(string service) => All.Single(s => s.Service == service).Root;
}
