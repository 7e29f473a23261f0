using Swiotlb.Trace.Cli.Input;
using Swiotlb.Trace.Diff.Replaying;
using Swiotlb.Trace.Tests.Support;

namespace Swiotlb.Trace.Tests.Replaying;

/// <summary>Replays a bundled capture the way the CLI does.</summary>
public static class ReplayRuns
{
    public static CaptureReplay Of(string capture, params string[] models) => OfPath(Samples.Capture(capture), models);

    public static CaptureReplay OfPath(string path, params string[] models) =>
        CaptureReplayer.Run(() => CaptureOpener.Open(path, TextWriter.Null), SiblingKernelFacts.Read(path),
            ReplayRequest.Defaults with { Models = models });
}
