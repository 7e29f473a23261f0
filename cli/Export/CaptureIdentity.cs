using Swiotlb.Trace.Capture;

namespace Swiotlb.Trace.Cli.Export;

/// <summary>Which capture a row comes from: on every row of every table, and the partition keys of a dataset.</summary>
/// <param name="File">The capture's path as given on the command line.</param>
/// <param name="Host">The node name <c>uname.txt</c> beside the capture gives, when there is one.</param>
/// <param name="Kernel">The kernel release the capture (or <c>uname.txt</c>) names.</param>
/// <param name="Clock">The clock its timestamps count, when the capture names it (<see cref="CaptureMetadata.Clock"/>).</param>
/// <param name="CountsTicks">Its timestamps are counter ticks, so no timestamp is derived from them.</param>
public sealed record CaptureIdentity(string File, string? Host, string? Kernel, string? Clock = null, bool CountsTicks = false);
