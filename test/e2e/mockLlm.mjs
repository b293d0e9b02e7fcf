// A loopback stand-in for OpenAI's chat-completions API, for the AI-agent test: asked with tools
// and no tool result yet, it calls the first tool with arguments it makes up from the tool's own
// schema (an email for an email field, a name for a name field); once it sees the tool's result,
// it answers in words, quoting the contact id it got. Every request and answer is kept as the
// transcript. It answers streamed requests too (server-sent events), as OpenAI does.
import { createServer } from 'node:http';

/** Values the "model" chooses for the tool's fields, by what the field is called. */
function argumentsFor(schema, email) {
	const properties = schema?.properties ?? {};
	return Object.fromEntries(
		Object.keys(properties).map((name) => [name, /mail/i.test(name) ? email : /first|name/i.test(name) ? 'Ada' : /last/i.test(name) ? 'Lovelace' : 'agent']),
	);
}

export async function startMockLlm({ email }) {
	const transcript = [];
	let calls = 0;
	const server = createServer((request, response) => {
		let raw = '';
		request.on('data', (chunk) => (raw += chunk));
		request.on('end', () => {
			const body = raw ? JSON.parse(raw) : {};
			const messages = body.messages ?? [];
			const toolResult = messages.find((message) => message.role === 'tool');
			const tool = body.tools?.[0]?.function;
			let message;
			let finish;
			if (!toolResult && tool) {
				calls += 1;
				const args = argumentsFor(tool.parameters, email);
				message = { role: 'assistant', content: null, tool_calls: [{ id: `call_${calls}`, type: 'function', function: { name: tool.name, arguments: JSON.stringify(args) } }] };
				finish = 'tool_calls';
			} else {
				const id = /"id"\s*:\s*"([^"]+)"/.exec(String(toolResult?.content ?? ''))?.[1] ?? 'unknown';
				message = { role: 'assistant', content: `Done: the contact ${email} exists now, with id ${id}.` };
				finish = 'stop';
			}
			transcript.push({ path: request.url, request: body, answer: message });
			const base = { id: `chatcmpl-${transcript.length}`, created: Math.floor(Date.now() / 1000), model: body.model ?? 'mock-model' };
			if (body.stream) {
				response.writeHead(200, { 'content-type': 'text/event-stream' });
				const delta = message.tool_calls
					? { role: 'assistant', content: null, tool_calls: message.tool_calls.map((call, index) => ({ index, ...call })) }
					: { role: 'assistant', content: message.content };
				response.write(`data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: null }] })}\n\n`);
				response.write(`data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices: [{ index: 0, delta: {}, finish_reason: finish }], usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } })}\n\n`);
				response.end('data: [DONE]\n\n');
				return;
			}
			response.writeHead(200, { 'content-type': 'application/json' });
			response.end(JSON.stringify({ ...base, object: 'chat.completion', choices: [{ index: 0, message, finish_reason: finish }], usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } }));
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		baseUrl: `http://127.0.0.1:${server.address().port}/v1`,
		transcript,
		stop: async () => await new Promise((resolve) => server.close(resolve)),
	};
}
