using IcsComplaints.TestKit;

namespace IcsComplaints.Deployment.Tests;

/// <summary>
/// The offline validators of deploy/validate (ADR 50), run with node: kubernetes.mjs for Kubernetes manifests (the API
/// schemas of kubernetes-models and no unknown field) and dclint for docker-compose.yml (the Compose specification's
/// schema). Their npm packages are installed by this project's build (npm ci there, as package-lock.json fixes them).
/// </summary>
internal static class Validators
{
    private static readonly string Directory = Repository.PathOf("deploy", "validate");

    /// <summary>Validates a stream of manifests; the output has a line per object and "n valid, n invalid".</summary>
    public static (int Code, string Output) Kubernetes(string manifests)
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, manifests);
            return Node(Path.Combine(Directory, "kubernetes.mjs"), file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Checks a compose file with dclint: the Compose specification's schema and the rules dclint.yaml keeps.</summary>
    public static (int Code, string Output) Compose(string composeFile) =>
        Node(Path.Combine(Directory, "node_modules", "dclint", "bin", "dclint.cjs"),
            composeFile, "--config", Path.Combine(Directory, "dclint.yaml"), "--no-color", "--max-warnings", "0");

    private static (int Code, string Output) Node(string script, params string[] args)
    {
        Assert.True(File.Exists(Path.Combine(Directory, "node_modules", ".package-lock.json")),
            "deploy/validate/node_modules is missing: building tests/IcsComplaints.Deployment.Tests installs it (npm ci).");
        var (code, output, errors) = Shell.Run("node", [script, .. args]);
        return (code, output + errors);
    }
}
