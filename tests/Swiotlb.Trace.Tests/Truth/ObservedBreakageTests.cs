using System.Text.Json;
using Swiotlb.Trace.Tests.Support;

namespace Swiotlb.Trace.Tests.Truth;

/// <summary>When the kernel's own addresses broke commands, every report leads with it and the run fails, under the capture
/// kernel's own model; the control capture, with Debian's driver, is clean.</summary>
public class ObservedBreakageTests
{
    [Theory]
    [InlineData("nomask-mkfs-xfs-6.1.0", "linux-6.1", 3, 0, 31)]
    [InlineData("nomask-fio-verify-6.1.0", "linux-6.1", 12, 11, 0)]
    [InlineData("nomask-mkfs-xfs-6.12.117", "linux-6.9", 1, 0, 31)]
    [InlineData("nomask-fio-verify-nothp-7.3.4", "linux-6.9", 170, 123, 298)]
    public void Replay_under_the_capture_kernels_own_model_fails_on_what_the_kernel_broke(string folder, string model, int refused, int rejected, int silent)
    {
        var (exit, output, _) = CliRun.Run("replay", Samples.Capture($"{folder}/trace.txt"), "--model", model, "--format", "json");
        var observed = JsonDocument.Parse(output).RootElement.GetProperty("observedBreakage");

        Assert.Equal(1, exit);
        Assert.Equal((refused, rejected, silent), (observed.GetProperty("driverRejects").GetInt32(), observed.GetProperty("misalignedEntry").GetInt32(),
            observed.GetProperty("wrongBytes").GetInt32()));
        Assert.Equal(refused + rejected + silent, observed.GetProperty("commands").GetInt32());
    }

    [Theory]
    [InlineData("trace.txt")]
    [InlineData("trace.dat")]
    public void Inspect_leads_with_the_breakage_the_lab_counted_and_still_exits_0(string file)
    {
        var capture = Samples.Capture($"nomask-fio-verify-nothp-7.3.4/{file}");
        var (exit, text, _) = CliRun.Run("inspect", capture);
        var (_, json, _) = CliRun.Run("inspect", capture, "--format", "json");

        // analysis.txt of the lab: 170 refused(IOERR), 123 dev-error, 298 ok-misdirected of the 1,305 submissions.
        Assert.Equal(0, exit);
        Assert.StartsWith("OBSERVED BREAKAGE: the kernel's own bounce addresses broke 591 of 1305 NVMe commands on the traced system: " +
            "170 refused by the driver (I/O error), 123 rejected by the controller (Invalid PRP Offset), 298 completed with wrong bytes", text);
        var observed = JsonDocument.Parse(json).RootElement.GetProperty("observedBreakage");
        Assert.Equal(591, observed.GetProperty("commands").GetInt32());
    }

    [Fact]
    public void Inspect_of_the_control_capture_states_no_breakage()
    {
        var capture = Samples.Capture("stock-fio-verify-6.1.0/trace.txt");
        var (_, text, _) = CliRun.Run("inspect", capture);
        var (_, json, _) = CliRun.Run("inspect", capture, "--format", "json");

        Assert.StartsWith("capture:", text);
        Assert.Equal(0, JsonDocument.Parse(json).RootElement.GetProperty("observedBreakage").GetProperty("commands").GetInt32());
    }

    [Fact]
    public void The_text_report_leads_with_the_breakage_and_fail_on_observed_selects_it()
    {
        var capture = Samples.Capture("nomask-fio-verify-6.1.0/trace.txt");
        var (exit, output, _) = CliRun.Run("replay", capture, "--model", "linux-6.1", "--fail-on", "observed");
        var (otherKinds, _, _) = CliRun.Run("replay", capture, "--model", "linux-6.1", "--fail-on", "failure,hang");

        Assert.Equal(1, exit);
        Assert.StartsWith("OBSERVED BREAKAGE: the kernel's own bounce addresses broke 23 of ", output);
        Assert.Equal(0, otherKinds);
    }

    [Fact]
    public void Markdown_html_and_junit_lead_with_the_breakage_too()
    {
        var capture = Samples.Capture("nomask-fio-verify-6.1.0/trace.txt");
        var html = Path.Combine(Directory.CreateTempSubdirectory("swiotrace-observed-").FullName, "report.html");
        var (_, markdown, _) = CliRun.Run("replay", capture, "--model", "linux-6.1", "--format", "markdown", "--html", html);
        var (_, junit, _) = CliRun.Run("replay", capture, "--model", "linux-6.1", "--format", "junit");

        var lines = markdown.Split('\n');
        Assert.StartsWith("> **OBSERVED BREAKAGE: the kernel's own bounce addresses broke 23 of ", lines[2]);
        Assert.StartsWith("**Verdict: FINDINGS**", lines[4]);
        Assert.Contains("<p class=\"verdict findings\">OBSERVED BREAKAGE: the kernel&#39;s own bounce addresses broke 23 of ", File.ReadAllText(html));
        var suites = System.Xml.Linq.XDocument.Parse(junit).Root!.Elements("testsuite").ToList();
        Assert.Equal("observed", (string)suites[0].Attribute("name")!);
        Assert.Equal(1, (int)suites[0].Attribute("failures")!);
    }

    [Fact]
    public void The_control_capture_replays_clean_under_its_own_kernel()
    {
        var (exit, output, _) = CliRun.Run("replay", Samples.Capture("stock-fio-verify-6.1.0/trace.txt"), "--model", "linux-6.1");

        Assert.Equal(0, exit);
        Assert.DoesNotContain("OBSERVED BREAKAGE", output);
    }
}
