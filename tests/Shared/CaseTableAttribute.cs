using System.Globalization;
using System.Reflection;
using Xunit.Sdk;

namespace BarHarness.Tests.Shared;

/// <summary>
/// The cases of a theory, read from a tab-separated table file beside the test: the first line names the
/// columns, which must be the theory's parameter names in order; every other non-empty line is one case.
/// A cell is taken to the letter (no quoting, no escapes, spaces kept), so it cannot hold a tab or a line break.
/// Cells become the parameter's type with the invariant culture. The project copies its *.tsv files to the
/// output folder; the path is relative to the project folder.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
internal sealed class CaseTableAttribute(string relativePath) : DataAttribute
{
    public string RelativePath { get; } = relativePath;

    public override IEnumerable<object[]> GetData(MethodInfo testMethod)
    {
        var path = Path.Combine(AppContext.BaseDirectory, RelativePath);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"case table {RelativePath} of {testMethod.Name} is not in the output folder; is it beside the test "
                + "and does the project copy *.tsv files to the output?", path);
        }

        var parameters = testMethod.GetParameters();
        var lines = File.ReadAllLines(path);
        var expectedHeader = string.Join('\t', parameters.Select(p => p.Name));
        if (lines.Length == 0 || lines[0] != expectedHeader)
        {
            throw new InvalidOperationException(
                $"{RelativePath}:1: the header must name the parameters of {testMethod.Name}: '{expectedHeader}'");
        }

        for (var index = 1; index < lines.Length; index++)
        {
            if (lines[index].Length > 0)
            {
                yield return Case(lines[index], index + 1, parameters);
            }
        }
    }

    private object[] Case(string line, int lineNumber, ParameterInfo[] parameters)
    {
        var cells = line.Split('\t');
        if (cells.Length != parameters.Length)
        {
            throw new InvalidOperationException(
                $"{RelativePath}:{lineNumber}: {cells.Length} cells, the theory takes {parameters.Length}");
        }

        return cells
            .Select((cell, column) => parameters[column].ParameterType == typeof(string)
                ? cell
                : Convert.ChangeType(cell, parameters[column].ParameterType, CultureInfo.InvariantCulture))
            .ToArray();
    }
}
