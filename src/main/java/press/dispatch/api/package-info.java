/**
 * The Admin API's shell: the error envelope every API answer uses, its OpenAPI document, and the rules all API
 * controllers follow (JSON in and out under {@code /api/v1}, an API key in {@code Authorization: Bearer}).
 * Each feature owns its own API controller.
 */
package press.dispatch.api;
