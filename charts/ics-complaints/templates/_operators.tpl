{{/*
A service's database and broker addresses when the release runs PostgreSQL and RabbitMQ through their operators
(values postgresqlCluster, rabbitmqCluster). The password is read from the role's or user's own basic-auth Secret into
a variable of the container, which Kubernetes substitutes into the connection string ($(NAME)): no credential is ever
a value of the chart. The generated passwords are letters and digits (a ";" or "@" would need quoting in these).
*/}}
{{- define "ics.databaseClusterEnv" -}}
{{- $pg := .root.Values.postgresqlCluster }}
{{- $role := printf "ics_%s" (trimSuffix "db" .svc.database) }}
{{- $address := printf "Host=%s-rw;Port=5432;Database=%s;SSL Mode=Require" $pg.name .svc.database }}
- name: ICS_DATABASE_PASSWORD
  valueFrom: { secretKeyRef: { name: {{ required "a service with a database needs existingSecret" .svc.existingSecret }}-postgres, key: password } }
- name: ConnectionStrings__{{ .svc.database }}
  value: {{ printf "%s;Username=%s;Password=$(ICS_DATABASE_PASSWORD)" $address $role | quote }}
{{- if .owner }}
- name: ICS_DATABASE_OWNER_PASSWORD
  valueFrom: { secretKeyRef: { name: {{ .svc.existingSecret }}-postgres-owner, key: password } }
- name: ConnectionStrings__{{ .svc.database }}Owner
  value: {{ printf "%s;Username=%s_owner;Password=$(ICS_DATABASE_OWNER_PASSWORD)" $address $role | quote }}
{{- end }}
{{- end -}}

{{- define "ics.brokerClusterEnv" }}
- name: ICS_BROKER_PASSWORD
  valueFrom: { secretKeyRef: { name: {{ required "a service with broker needs existingSecret" .svc.existingSecret }}-rabbitmq, key: password } }
- name: ConnectionStrings__rabbitmq
  value: {{ printf "amqp://%s:$(ICS_BROKER_PASSWORD)@%s:5672/%s" .svc.broker.user .root.Values.rabbitmqCluster.name .root.Values.rabbitmq.vhost | quote }}
{{- end -}}
