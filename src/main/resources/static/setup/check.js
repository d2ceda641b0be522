// Polls the first SCIM requests of the wizard's connection and redraws the table. Text
// goes in through textContent only, so nothing a client sent is parsed as HTML.
(function () {
	'use strict';
	var table = document.getElementById('requests');
	var waiting = document.getElementById('waiting');
	var source = table.getAttribute('data-source');
	var body = table.tBodies[0];

	function cell(row, text) {
		var td = document.createElement('td');
		td.textContent = text;
		row.appendChild(td);
	}

	function draw(requests) {
		var rows = document.createDocumentFragment();
		requests.forEach(function (request) {
			var row = document.createElement('tr');
			row.className = request.outcome;
			cell(row, request.time);
			cell(row, request.method);
			cell(row, request.resource);
			cell(row, String(request.status));
			cell(row, request.error ? request.outcome + ': ' + request.error : request.outcome);
			rows.appendChild(row);
		});
		body.replaceChildren(rows);
		waiting.classList.toggle('hidden', requests.length > 0);
	}

	function poll() {
		fetch(source, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
			.then(function (response) {
				if (!response.ok) {
					throw new Error('HTTP ' + response.status);
				}
				return response.json();
			})
			.then(draw)
			.catch(function () {
				// The next poll tries again; the rows shown stay as they are.
			})
			.finally(function () {
				window.setTimeout(poll, 2000);
			});
	}

	window.setTimeout(poll, 2000);
}());
