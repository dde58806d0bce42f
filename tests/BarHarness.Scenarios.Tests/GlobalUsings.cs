global using BarHarness.Reports.Model;
global using BarHarness.Scenarios.Definition;
global using BarHarness.Scenarios.Running;
global using BarHarness.Scenarios.Tests.Definition;
