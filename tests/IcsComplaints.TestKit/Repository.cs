namespace IcsComplaints.TestKit;

/// <summary>Files of the repository the tests run from.</summary>
public static class Repository
{
    /// <summary>The directory holding <c>IcsComplaints.sln</c>, found above the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>A path under the repository root.</summary>
    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "IcsComplaints.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("IcsComplaints.sln not found above the test binaries.");
    }
}
