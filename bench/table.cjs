// Prints rows of figures as an aligned text table (the columns are every key the rows use).
function printTable(rows) {
	const header = [...new Set(rows.flatMap((row) => Object.keys(row)))];
	const lines = [header, ...rows.map((row) => header.map((key) => String(row[key] ?? '')))];
	const widths = header.map((_, column) => Math.max(...lines.map((line) => line[column].length)));
	for (const line of lines) console.log(line.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd());
}

module.exports = { printTable };
