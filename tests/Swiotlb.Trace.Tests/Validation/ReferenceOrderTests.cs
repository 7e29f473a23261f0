using System.Text.Json;
using Swiotlb.Trace.Tests.Support;

namespace Swiotlb.Trace.Tests.Validation;

/// <summary><c>validate --model</c> with a model that is not the capture's kernel replays each group of overlapping
/// events in the order the kernel's own model found: it reorders exactly the groups the kernel's model reorders, never
/// one of its own choosing; naming the kernel's own model changes nothing.</summary>
public sealed class ReferenceOrderTests
{
    private static readonly string Capture = Samples.Capture("exhaust-4areas-6.12.117/trace.txt");

    [Fact]
    public void Another_model_reorders_exactly_the_groups_the_kernels_model_reorders()
    {
        var own = Replay();
        var before = Replay("--model", "linux-5.10");

        Assert.Equal(8, own.GetProperty("reorderedGroups").GetInt32());
        Assert.Equal(own.GetProperty("reorderedGroups").GetInt32(), before.GetProperty("reorderedGroups").GetInt32());
        Assert.True(before.GetProperty("mismatches").GetInt64() > own.GetProperty("mismatches").GetInt64());
    }

    [Fact]
    public void Naming_the_kernels_own_model_gives_the_plain_report()
    {
        var own = Replay();
        var named = Replay("--model", "6.12.117+deb13-amd64");

        foreach (var figure in new[] { "exactMatches", "matchedAfterReordering", "reorderedGroups", "mismatches" })
            Assert.Equal(own.GetProperty(figure).GetInt64(), named.GetProperty(figure).GetInt64());
    }

    private static JsonElement Replay(params string[] model)
    {
        var (_, output, _) = CliRun.Run(["validate", Capture, "--format", "json", .. model]);
        return JsonDocument.Parse(output).RootElement.GetProperty("replay").Clone();
    }
}
