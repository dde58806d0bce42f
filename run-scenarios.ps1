# Runs the standard scenario suite against the bundled widget and writes reports to reports/latest.
# Any extra arguments go to `barharness run` (e.g. --filter network, --widget my_widget.lua).
Set-Location -Path $PSScriptRoot
dotnet run --project src/BarHarness.Cli -c Release -- run scenarios --parallel 0 @args
exit $LASTEXITCODE
