// Package httpx holds what giaoban's HTML pages (package web) and its JSON API
// (package api) both need to serve a request: the HTTP status and Vietnamese
// message of a service error, the id in a route's path, the client's address
// behind trusted proxies, an uploaded file read within the size limit, and
// who the caller is, from a page session's cookie or an API bearer token.
//
// It must not hold handlers, routes, templates, JSON shapes or rules: pages
// live in web, API handlers in api, and every rule in the service (package
// app). Something joins this package only when pages and API both use it.
package httpx
