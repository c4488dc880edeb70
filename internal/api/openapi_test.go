package api

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"
)

// TestAPIOpenAPIDocument checks the served description against the route
// table: every route is documented with its method, nothing else is, and
// every reference in the document resolves.
func TestAPIOpenAPIDocument(t *testing.T) {
	var doc struct {
		OpenAPI    string                                `json:"openapi"`
		Paths      map[string]map[string]json.RawMessage `json:"paths"`
		Components struct {
			SecuritySchemes map[string]struct {
				Type, Scheme string
			} `json:"securitySchemes"`
		} `json:"components"`
	}
	if err := json.Unmarshal(openAPIDoc, &doc); err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.1.") {
		t.Errorf("openapi = %q, want 3.1.x", doc.OpenAPI)
	}
	if b := doc.Components.SecuritySchemes["bearer"]; b.Type != "http" || b.Scheme != "bearer" {
		t.Errorf("bearer security scheme = %+v", b)
	}
	var tree any
	if err := json.Unmarshal(openAPIDoc, &tree); err != nil {
		t.Fatal(err)
	}

	type operation struct {
		OperationID string            `json:"operationId"`
		Security    *[]map[string]any `json:"security"`
		Parameters  []map[string]any  `json:"parameters"`
		Responses   map[string]any    `json:"responses"`
	}
	routes := (&Server{}).routes()
	registered := map[string]bool{}
	opIDs := map[string]string{}
	for _, rt := range routes {
		key := rt.method + " " + rt.path
		if registered[key] {
			t.Errorf("route %s is in the table twice", key)
		}
		registered[key] = true
		raw, ok := doc.Paths[rt.path][strings.ToLower(rt.method)]
		if !ok {
			t.Errorf("route %s is not in openapi.json", key)
			continue
		}
		var op operation
		if err := json.Unmarshal(raw, &op); err != nil {
			t.Errorf("%s: %v", key, err)
			continue
		}
		if op.OperationID == "" || opIDs[op.OperationID] != "" {
			t.Errorf("%s: operationId %q missing or already used by %s", key, op.OperationID, opIDs[op.OperationID])
		}
		opIDs[op.OperationID] = key
		ok2xx := false
		for code := range op.Responses {
			ok2xx = ok2xx || strings.HasPrefix(code, "2")
		}
		if !ok2xx || op.Responses["500"] == nil {
			t.Errorf("%s: responses %v lack a success or the 500 error", key, op.Responses)
		}
		if public := op.Security != nil && len(*op.Security) == 0; public != rt.public {
			t.Errorf("%s: documented public = %v, route public = %v", key, public, rt.public)
		}
		if !rt.public && op.Responses["401"] == nil {
			t.Errorf("%s: no 401 response documented", key)
		}
		if rt.method == "POST" || rt.method == "PUT" {
			if op.Responses["422"] == nil && !strings.HasSuffix(rt.path, "/correct") {
				t.Errorf("%s: no 422 response documented", key)
			}
		}
		// Every path wildcard is a declared path parameter.
		for _, m := range regexp.MustCompile(`\{(\w+)\}`).FindAllStringSubmatch(rt.path, -1) {
			found := false
			for _, p := range op.Parameters {
				p = resolveRef(t, tree, p)
				found = found || (p["name"] == m[1] && p["in"] == "path")
			}
			if !found {
				t.Errorf("%s: path parameter %s not declared", key, m[1])
			}
		}
	}
	for path, ops := range doc.Paths {
		for method := range ops {
			if !registered[strings.ToUpper(method)+" "+path] {
				t.Errorf("openapi.json documents %s %s, which routeAPI does not serve", strings.ToUpper(method), path)
			}
		}
	}
	checkRefs(t, tree, tree)
}

// resolveRef follows a local $ref.
func resolveRef(t *testing.T, root any, node map[string]any) map[string]any {
	t.Helper()
	ref, ok := node["$ref"].(string)
	if !ok {
		return node
	}
	var cur any = root
	for _, part := range strings.Split(strings.TrimPrefix(ref, "#/"), "/") {
		m, ok := cur.(map[string]any)
		if !ok || m[part] == nil {
			t.Errorf("$ref %q does not resolve", ref)
			return map[string]any{}
		}
		cur = m[part]
	}
	m, _ := cur.(map[string]any)
	return m
}

// checkRefs fails on any $ref in node that does not resolve.
func checkRefs(t *testing.T, root, node any) {
	t.Helper()
	switch v := node.(type) {
	case map[string]any:
		if _, ok := v["$ref"].(string); ok {
			resolveRef(t, root, v)
		}
		for _, x := range v {
			checkRefs(t, root, x)
		}
	case []any:
		for _, x := range v {
			checkRefs(t, root, x)
		}
	}
}
