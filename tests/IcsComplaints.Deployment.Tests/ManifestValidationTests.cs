using System.Text.RegularExpressions;

namespace IcsComplaints.Deployment.Tests;

/// <summary>
/// Every object the chart renders, with each of its values files, is what the Kubernetes API accepts: valid against the
/// schema of its API version and kind, with no field the schema does not know (ADR 50), checked offline by
/// deploy/validate/kubernetes.mjs. The deliberate mistakes show what the strict pass adds to the schemas alone.
/// </summary>
public sealed partial class ManifestValidationTests
{
    public static TheoryData<string> ValuesFiles => HelmTool.ValuesFileData;

    [Fact]
    public void TheChart_HasValuesForDevelopmentASmallIcsAndProduction()
    {
        Assert.Equal(["values-development.yaml", "values-production.yaml", "values-small-ics.yaml", "values.yaml"], HelmTool.ValuesFiles);
    }

    [Theory]
    [MemberData(nameof(ValuesFiles))]
    public void EveryRenderedObject_IsValidAgainstTheKubernetesApiSchemas_WithNoUnknownField(string valuesFile)
    {
        var (rendered, manifests) = HelmTool.Template(valuesFile);
        Assert.True(rendered == 0, manifests);
        var objects = Yaml.Documents(manifests).Count;

        var (code, output) = Validators.Kubernetes(manifests);

        Assert.True(code == 0, output);
        // Every object was checked: one the validator had no schema for would count as invalid, not be left out.
        Assert.EndsWith($"{objects} valid, 0 invalid", output.TrimEnd(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ValuesFiles))]
    public void TheChart_LintsStrictly_WithEachValuesFile(string valuesFile)
    {
        var (code, output) = HelmTool.Run(["lint", "--strict", HelmTool.Chart, .. valuesFile == "values.yaml" ? [] : new[] { "-f", Path.Combine(HelmTool.Chart, valuesFile) }]);

        Assert.True(code == 0, output);
    }

    [Fact]
    public void TheValidator_RejectsAMisspeltReplicas_InEveryDeployment()
    {
        // Without autoscalers, so every Deployment sets its replicas.
        var (_, manifests) = HelmTool.Template("values-development.yaml");
        var deployments = Regex.Count(manifests, "^kind: Deployment$", RegexOptions.Multiline);
        var misspelt = ReplicasLine().Replace(manifests, "  replcas: $1");
        Assert.Equal(deployments, Regex.Count(misspelt, "^  replcas: ", RegexOptions.Multiline));

        var (code, output) = Validators.Kubernetes(misspelt);

        Assert.Equal(1, code);
        Assert.Equal(deployments, Regex.Count(output, @"^FAIL .*: Deployment/rel-ics-complaints-[a-z]+: unknown field\(s\): /spec/replcas$", RegexOptions.Multiline));
        Assert.Contains($"{deployments} invalid", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("readOnlyRootFilesystem: true", "readOnlyRootFileSystem: true", "/spec/template/spec/containers/0/securityContext/readOnlyRootFileSystem")]
    [InlineData("automountServiceAccountToken: false", "automountServiceAccountTokens: false", "/spec/template/spec/automountServiceAccountTokens")]
    [InlineData("emptyDir: {}", "emptyDir: { medum: Memory }", "/spec/template/spec/volumes/0/emptyDir/medum")]
    [InlineData("minAvailable: 1", "minAvailble: 1", "/spec/minAvailble")]
    public void TheValidator_RejectsAnUnknownField_AtAnyDepth(string field, string misspelt, string path)
    {
        var (_, manifests) = HelmTool.Template("values.yaml");

        var (code, output) = Validators.Kubernetes(manifests.Replace(field, misspelt, StringComparison.Ordinal));

        Assert.Equal(1, code);
        Assert.Contains(path, output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("replicas: 2", "replicas: two", "must be integer")]
    [InlineData("imagePullPolicy: IfNotPresent", "imagePullPolicy: Sometimes", "must be equal to one of the allowed values")]
    [InlineData("limits:\n              memory: 3Gi", "limits:\n              memory: 3GiB", "must match format \"quantity\"")]
    public void TheValidator_RejectsWhatTheSchemasForbid(string field, string wrong, string message)
    {
        var (_, manifests) = HelmTool.Template("values.yaml");
        Assert.Contains(field, manifests, StringComparison.Ordinal);

        var (code, output) = Validators.Kubernetes(manifests.Replace(field, wrong, StringComparison.Ordinal));

        Assert.Equal(1, code);
        Assert.Contains(message, output, StringComparison.Ordinal);
    }

    [Fact]
    public void TheValidator_RejectsAKindItHasNoSchemaFor_RatherThanPassingIt()
    {
        const string unknown = "apiVersion: example.org/v1\nkind: Widget\nmetadata:\n  name: widget\nspec:\n  replicas: 1\n";

        var (code, output) = Validators.Kubernetes(unknown);

        Assert.Equal(1, code);
        Assert.Contains("Widget/widget: no schema for example.org/v1 Widget", output, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^  replicas: (\d+)$", RegexOptions.Multiline)]
    private static partial Regex ReplicasLine();
}
