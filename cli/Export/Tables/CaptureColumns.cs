using Swiotlb.Trace.Cli.Export.Columns;

namespace Swiotlb.Trace.Cli.Export.Tables;

/// <summary>The capture identity columns every table starts with (constant per file, so dictionary encoding makes them nearly free).</summary>
public sealed class CaptureColumns(TableBuffer table)
{
    private readonly TextColumn _file = table.Text("capture_file");
    private readonly TextColumn _host = table.Text("capture_host");
    private readonly TextColumn _kernel = table.Text("capture_kernel");
    private readonly TextColumn _clock = table.Text("capture_clock");

    public void Add(CaptureIdentity capture)
    {
        _file.Add(capture.File);
        _host.Add(capture.Host);
        _kernel.Add(capture.Kernel);
        _clock.Add(capture.Clock);
    }
}
