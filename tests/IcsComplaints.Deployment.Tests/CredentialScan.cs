using System.Text.RegularExpressions;

namespace IcsComplaints.Deployment.Tests;

/// <summary>
/// Finds credentials written into a values file: a value under a key that names a credential (password, secret, token,
/// private key) and any value that carries one (a connection string's password, a URI's user:password@, a PEM key).
/// The keys that name a Secret or a key in it (existingSecret, tlsSecret, secretKey, credentialsSecret) are references, not credentials.
/// </summary>
internal static partial class CredentialScan
{
    private static readonly HashSet<string> References = new(["existingSecret", "tlsSecret", "secretKey", "privateKeyId", "credentialsSecret"], StringComparer.Ordinal);

    public static List<string> Problems(string valuesText)
    {
        var problems = new List<string>();
        foreach (var document in Yaml.Documents(valuesText))
        {
            Walk(document, "", problems);
        }
        return problems;
    }

    private static void Walk(object? node, string path, List<string> problems)
    {
        switch (node)
        {
            case Dictionary<object, object> map:
                foreach (var (key, value) in map)
                {
                    var name = key.ToString()!;
                    if (value is string text && text.Length > 0 && CredentialName().IsMatch(name) && !References.Contains(name) && !IsFlag(text))
                    {
                        problems.Add($"{path}.{name} holds a credential");
                    }
                    Walk(value, $"{path}.{name}", problems);
                }
                break;
            case List<object> list:
                for (var i = 0; i < list.Count; i++)
                {
                    Walk(list[i], $"{path}[{i}]", problems);
                }
                break;
            case string text when CarriesCredential().IsMatch(text):
                problems.Add($"{path} carries a credential");
                break;
        }
    }

    // privateKey: true says the provider's credential is a private key in the Secret; it is not one.
    private static bool IsFlag(string text) => text is "true" or "false";

    [GeneratedRegex("password|passwd|secret|token|credential|api_?key|private_?key", RegexOptions.IgnoreCase)]
    private static partial Regex CredentialName();

    [GeneratedRegex(@"password\s*=|pwd\s*=|://[^/\s:@]+:[^@\s]+@|-----BEGIN [A-Z ]*PRIVATE KEY-----", RegexOptions.IgnoreCase)]
    private static partial Regex CarriesCredential();
}
