namespace Swiotlb.Trace.Cli.Export;

/// <summary>Which capture a row comes from: on every row of every table, and the partition keys of a dataset.</summary>
/// <param name="File">The capture's path as given on the command line.</param>
/// <param name="Host">The node name <c>uname.txt</c> beside the capture gives, when there is one.</param>
/// <param name="Kernel">The kernel release the capture (or <c>uname.txt</c>) names.</param>
public sealed record CaptureIdentity(string File, string? Host, string? Kernel);
